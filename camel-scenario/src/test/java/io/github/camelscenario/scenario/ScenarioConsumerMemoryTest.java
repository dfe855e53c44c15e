package io.github.camelscenario.scenario;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A crawl of 100,000 hits with onlyNew, in a separate JVM limited to a 64 MB heap. */
class ScenarioConsumerMemoryTest {

    @Test
    void aCrawlOfOneHundredThousandHitsRunsInA64MegabyteHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), MemoryCrawlMain.class.getName(), "100000"))
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
        assertThat(output).contains("routed=100000 batchCompletes=1");
    }
}
