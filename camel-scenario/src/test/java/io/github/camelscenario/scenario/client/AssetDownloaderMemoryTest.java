package io.github.camelscenario.scenario.client;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** A download is streamed to disk, never held whole: a file five times the heap downloads in a 24 MB JVM. */
class AssetDownloaderMemoryTest {

    @Test
    @Timeout(120)
    void aFileFiveTimesTheHeapIsDownloadedInA24MegabyteHeap() throws Exception {
        long length = 120L * 1024 * 1024;
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx24m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), DownloadMemoryRun.class.getName(),
                String.valueOf(length)))
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println(text.strip());
        assertThat(exited).as(text).isTrue();
        assertThat(text).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("inMemory=false length=" + length + " read=" + length);
    }
}
