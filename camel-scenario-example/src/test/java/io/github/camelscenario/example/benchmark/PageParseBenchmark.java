package io.github.camelscenario.example.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.SearchPage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Per-hit cost of reading a 100-hit page as the local server sends it: into {@code SearchPage} or into a Map. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PageParseBenchmark {

    private final ObjectMapper mapper = HttpScenarioClient.defaultMapper();
    private byte[] page;

    @Setup
    public void fetchOnePage() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(CrawlSetup.HITS_PER_PAGE).start()) {
            CrawlSetup setup = CrawlSetup.of(server, LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS);
            HttpRequest request = HttpRequest.newBuilder(URI.create(setup.searchUrl()))
                    .header("Content-Type", "application/json")
                    .header("Authorization", setup.basicAuthorization())
                    .POST(HttpRequest.BodyPublishers.ofString(setup.requestJson(1)))
                    .build();
            page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        if (mapper.readValue(page, SearchPage.class).getHits().size() != CrawlSetup.HITS_PER_PAGE) {
            throw new IllegalStateException("Expected a full page");
        }
    }

    @Benchmark
    @OperationsPerInvocation(CrawlSetup.HITS_PER_PAGE)
    public SearchPage intoSearchPage() throws Exception {
        return mapper.readValue(page, SearchPage.class);
    }

    @Benchmark
    @OperationsPerInvocation(CrawlSetup.HITS_PER_PAGE)
    public Map<?, ?> intoMap() throws Exception {
        return mapper.readValue(page, Map.class);
    }
}
