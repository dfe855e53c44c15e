package io.github.camelscenario.example.server;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Files are streamed, never held: a sync of 200 MB of 2 MB pictures runs in a 64 MB heap, server included. */
class DownloadSmallHeapTest {

    @Test
    @Timeout(300)
    void aSyncOfAHundredTwoMegabytePicturesRunsInA64MegabyteHeap(@TempDir Path inbox) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), DownloadSmallHeapMain.class.getName(), "100",
                inbox.toString()))
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        boolean exited = process.waitFor(240, TimeUnit.SECONDS);
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println(text.strip());
        assertThat(exited).as(text).isTrue();
        assertThat(text).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("files=100 bytes=200000000 ");
    }
}
