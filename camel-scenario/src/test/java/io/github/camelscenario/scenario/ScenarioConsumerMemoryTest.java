package io.github.camelscenario.scenario;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Crawls in separate JVMs limited to a 64 MB heap: what a crawl keeps does not grow with what it walked. */
class ScenarioConsumerMemoryTest {

    private static final Pattern RETAINED = Pattern.compile("retainedKb=(\\d+)");

    private static String crawl(long hits, String mode) throws Exception {
        String output = ChildJvm.run(Duration.ofSeconds(150),
                List.of("-Xmx64m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                MemoryCrawlMain.class, String.valueOf(hits), mode).assertSucceeded();
        System.out.println(output.strip());
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
