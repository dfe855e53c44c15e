package io.github.camelscenario.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** README's examples do what README says, and the docs point only at files of this repository. */
class ReadmeExamplesTest extends WireMockTestSupport {

    private static final String MAINTAINERS_NOTES = String.join("/", "..", "shared");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theInboxRouteSearchesPicturesAndMovesAnythingElseAsideInsteadOfRetryingIt() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher from = Pattern.compile("from\\(\"(file:inbox[^\"]*)\"\\)").matcher(readme);
        assertThat(from.find()).as("README has the file:inbox route").isTrue();
        Path inbox = tmp.resolve("inbox");
        String asWritten = from.group(1).replace("file:inbox", "file:" + inbox);
        String uri = asWritten + (asWritten.contains("?") ? "&" : "?") + "initialDelay=0&delay=20";
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.page(1, 5, 1, "similar_1"))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("scenario:search?hitsPerPage=5").log("similar: ${body}");
            }
        });
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("notes.txt"), "not a picture");
        Files.write(inbox.resolve("photo.jpg"), TestImages.encode("jpg"));

        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> Files.exists(inbox.resolve(".failed/notes.txt")) && !Files.exists(inbox.resolve("photo.jpg")));
        assertThat(searchRequests()).as("only the picture was searched, once").hasSize(1);
        assertThat(inbox.resolve("notes.txt")).as("not left in place to be retried on every poll").doesNotExist();
    }

    @Test
    void docsLinkOnlyToFilesOfThisRepository() throws Exception {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#]+)(#[^)]*)?\\)");
        List<String> outside = new ArrayList<>();
        for (Path doc : docs) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            // the folder beside the checkout where the maintainers keep their notes: users do not have it
            if (text.contains("/work/") || text.contains(MAINTAINERS_NOTES)) {
                outside.add(doc.getFileName() + " mentions a path outside the repository");
            }
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    outside.add(doc.getFileName() + " -> " + target);
                }
            }
        }
        assertThat(outside).isEmpty();
    }
}
