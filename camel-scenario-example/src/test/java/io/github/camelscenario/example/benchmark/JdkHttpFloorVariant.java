package io.github.camelscenario.example.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.SearchPage;

/** The floor: a plain loop, JDK HttpClient and Jackson, one request after another, no Camel. */
final class JdkHttpFloorVariant implements CrawlVariant {

    @Override
    public String name() {
        return "floor: JDK HttpClient loop";
    }

    @Override
    public boolean pagesByNumber() {
        return true;
    }

    @Override
    public Crawl prepare(CrawlSetup setup, HitCounter counter) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper mapper = HttpScenarioClient.defaultMapper();
        URI uri = URI.create(setup.searchUrl());
        return new Crawl() {
            @Override
            public void run() throws IOException, InterruptedException {
                for (int page = 1;; page++) {
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("Authorization", setup.basicAuthorization())
                            .POST(HttpRequest.BodyPublishers.ofString(setup.requestJson(page)))
                            .build();
                    // the whole page as bytes, then Jackson: cheaper with this client than reading its InputStream
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP " + response.statusCode() + ": " + new String(response.body()));
                    }
                    SearchPage answer = mapper.readValue(response.body(), SearchPage.class);
                    for (Asset hit : answer.getHits()) {
                        counter.hit(hit.getId());
                    }
                    if (answer.getHits().isEmpty() || answer.getTotalPages() == null || page >= answer.getTotalPages()) {
                        return;
                    }
                }
            }

            @Override
            public void close() {
                // java.net.http.HttpClient is closeable only from Java 21; its threads end with it being unreachable
            }
        };
    }
}
