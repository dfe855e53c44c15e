package io.github.camelscenario.scenario;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Crawls in separate JVMs limited to a 64 MB heap: what a crawl keeps does not grow with what it walked. */
class ScenarioConsumerMemoryTest {

    private static final Pattern RETAINED = Pattern.compile("retainedKb=(\\d+)");

    private static String crawl(long hits, String mode) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), MemoryCrawlMain.class.getName(), String.valueOf(hits),
                mode))
                .redirectErrorStream(true)
                .start();
        boolean exited = process.waitFor(150, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        System.out.println(output.strip());
        assertThat(exited).as("the crawl finished").isTrue();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("routed=" + hits + " batchCompletes=1");
        return output;
    }

    private static long retainedKb(String output) {
        Matcher m = RETAINED.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aCrawlOfOneHundredThousandHitsWithOnlyNewRunsInA64MegabyteHeap() throws Exception {
        crawl(100_000, "onlyNew");
    }

    @Test
    void theHeapACrawlKeepsDoesNotGrowWithTheHitsItWalked() throws Exception {
        long small = retainedKb(crawl(10_000, "all"));
        long large = retainedKb(crawl(100_000, "all"));
        System.out.printf("heap retained after a full GC at the end of a crawl: 10,000 hits %d KB, 100,000 hits %d KB,"
                          + " ratio %.2f%n", small, large, (double) large / small);
        assertThat((double) large / small).isLessThanOrEqualTo(1.2);
    }
}
