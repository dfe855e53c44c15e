package io.github.camelscenario.example.server;

import java.nio.file.Path;

import io.github.camelscenario.example.benchmark.SmallHeapCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Files are streamed, never held: a sync of 200 MB of 2 MB pictures runs in a 64 MB heap, server included. */
class DownloadSmallHeapTest {

    @Test
    @Timeout(300)
    void aSyncOfAHundredTwoMegabytePicturesRunsInA64MegabyteHeap(@TempDir Path inbox) throws Exception {
        SmallHeapCheck.Outcome outcome = SmallHeapCheck.fork(DownloadSmallHeapMain.class, "files=", "100",
                inbox.toString());
        System.out.println(outcome.report());
        assertThat(outcome.passed()).as(outcome.report()).isTrue();
        assertThat(outcome.report()).startsWith("files=100 bytes=200000000 ");
    }
}
