package io.github.camelscenario.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.FileHostStubs;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A Camel context whose {@code scenario} component talks to a stubbed API with test credentials, and whose hits point
 * at a stubbed file host on another origin ({@link FileHostStubs}).
 */
public abstract class DownloadTestSupport extends CamelTestSupport {

    /** Bodies above 256 KB go to a temporary file; these are large enough to. */
    protected static final byte[] LARGE = FileHostStubs.pseudoRandom(400_000, 11);
    protected static final byte[] SMALL = FileHostStubs.pseudoRandom(2_000, 12);
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected FileHostStubs stubs;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        stubs = new FileHostStubs();
        CamelContext context = super.createCamelContext();
        ScenarioComponent scenario = new ScenarioComponent();
        scenario.getConfiguration().setBaseUrl(stubs.baseUrl());
        scenario.getConfiguration().setApiKey(FileHostStubs.API_KEY);
        scenario.getConfiguration().setApiSecret(FileHostStubs.API_SECRET);
        scenario.getConfiguration().setRetryInitialDelay(5);
        scenario.getConfiguration().setRetryMaxDelay(50);
        context.addComponent("scenario", scenario);
        return context;
    }

    @AfterEach
    void stopStubs() {
        if (stubs != null) {
            stubs.close();
        }
    }

    /** A hit whose file at {@code /f/<id>} answers {@code body} as {@code image/png}. */
    protected Asset servedHit(String id, byte[] body) {
        stubs.file("/f/" + id, FileHostStubs.bytes(body, "image/png"));
        stubs.file("/f/" + id + ".thumb", FileHostStubs.bytes(SMALL, "image/webp"));
        return stubs.hit(id, "image/png", "/f/" + id);
    }

    protected String hitJson(Asset hit) throws IOException {
        return JSON.writeValueAsString(hit);
    }

    /** Temporary files of downloads left in the JVM's temporary directory. */
    protected static List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("scenario-asset_dl")
                                     && p.getFileName().toString().endsWith(".download"))
                    .collect(Collectors.toList());
        }
    }
}
