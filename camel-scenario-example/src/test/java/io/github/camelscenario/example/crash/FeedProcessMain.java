package io.github.camelscenario.example.crash;

import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import io.github.camelscenario.scenario.ScenarioConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A feed in a process of its own, to be killed: {@code onlyNew} on a file or JDBC (H2 on disk) repository, writing each
 * asset it delivers as a line of a file (unbuffered: a line written is in the file whatever kills the process). Runs
 * until killed.
 * <p>
 * Arguments: base URL, API key, API secret, {@code file} or {@code jdbc}, the repository's file or JDBC URL, the
 * delivery file.
 */
public final class FeedProcessMain {

    private FeedProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        IdempotentRepository repository = repository(args[3], args[4]);
        OutputStream delivered = new FileOutputStream(new File(args[5]), true);
        DefaultCamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("seen", repository);
        RouteBuilder.addRoutes(context, routes -> routes
                .from("scenario:search?filter=width > 0&onlyNew=true&idempotentRepository=#seen&delay=200"
                      + "&initialDelay=0&baseUrl=" + baseUrl + "&apiKey=" + args[1] + "&apiSecret=" + args[2])
                .routeId("feed")
                .process(e -> {
                    String id = e.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class);
                    delivered.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                    // slow enough to be killed in the middle of a crawl
                    Thread.sleep(1);
                }));
        context.start();
        System.out.println("feed started");
        new CountDownLatch(1).await();
    }

    private static IdempotentRepository repository(String kind, String location) {
        if (kind.equals("file")) {
            return FileIdempotentRepository.fileIdempotentRepository(new File(location), 100_000);
        }
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(location);
        return new JdbcMessageIdRepository(database, "crash-feed");
    }
}
