package io.github.camelscenario.example.server;

import io.github.camelscenario.example.LocalComponent;
import io.github.camelscenario.example.benchmark.RunMeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Syncs {@code n} pictures of 2 MB each into a folder (search, split, scenario:download, file), server included, in
 * the JVM {@link DownloadSmallHeapTest} starts with a small heap; prints what it wrote and the peak heap.
 */
public final class DownloadSmallHeapMain {

    private DownloadSmallHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path inbox = Path.of(args[1]);
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(n).fileSize(2_000_000).start();
             CamelContext context = new DefaultCamelContext()) {
            LocalComponent.pointAt(context, server);
            // a lambda: a RouteBuilder class in this package tree would be picked up by the example's Camel Main
            RouteBuilder.addRoutes(context, rb -> rb.from("direct:sync")
                    .to("scenario:search?filter=RAW(width > 0)&allPages=true")
                    .split(rb.body()).streaming()
                        .to("scenario:download").to("file:" + inbox)
                    .end());
            context.start();
            NotifyBuilder done = new NotifyBuilder(context).from("direct:sync").whenDone(1).create();
            context.createProducerTemplate().sendBody("direct:sync", null);
            if (!done.matches(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the sync did not finish");
            }
            long files;
            long bytes = 0;
            try (Stream<Path> written = Files.list(inbox)) {
                files = 0;
                for (Path p : (Iterable<Path>) written::iterator) {
                    files++;
                    bytes += Files.size(p);
                }
            }
            System.out.println("files=" + files + " bytes=" + bytes + " peakHeapMb="
                               + RunMeter.peakHeapBytes() / (1024 * 1024) + " maxHeapMb="
                               + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
