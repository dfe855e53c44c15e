package io.github.camelscenario.scenario.client;

import java.time.Duration;
import java.util.List;

import io.github.camelscenario.scenario.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** A download is streamed to disk, never held whole: a file five times the heap downloads in a 24 MB JVM. */
class AssetDownloaderMemoryTest {

    @Test
    @Timeout(120)
    void aFileFiveTimesTheHeapIsDownloadedInA24MegabyteHeap() throws Exception {
        long length = 120L * 1024 * 1024;
        String text = ChildJvm.run(Duration.ofSeconds(90),
                List.of("-Xmx24m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                DownloadMemoryRun.class, String.valueOf(length)).assertSucceeded();
        System.out.println(text.strip());
        assertThat(text).contains("inMemory=false length=" + length + " read=" + length);
    }
}
