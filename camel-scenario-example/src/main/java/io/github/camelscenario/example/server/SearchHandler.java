package io.github.camelscenario.example.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /v1/search/assets}. Order of checks: method, body size, injected latency, auth, request count, the
 * before-search hook and the index churn (so that the Nth request already sees what they change), injected 429,
 * injected 503, body validation, search.
 */
final class SearchHandler implements HttpHandler {

    /** The API gateway's cap on a request body. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final BasicAuth auth;
    private final ServerFaults faults;
    private final SearchEngine engine;
    private final HitWriter writer;
    private final AtomicLong searchRequests;
    private final AtomicLong searchesAnswered = new AtomicLong();
    /** 0: no cap. */
    private final long maxTotalHits;
    private final IndexChurn churn;
    private final AtomicReference<LongConsumer> beforeSearch;

    SearchHandler(BasicAuth auth, ServerFaults faults, SearchEngine engine, HitWriter writer, AtomicLong searchRequests,
                  long maxTotalHits, IndexChurn churn, AtomicReference<LongConsumer> beforeSearch) {
        this.churn = churn;
        this.beforeSearch = beforeSearch;
        this.auth = auth;
        this.faults = faults;
        this.engine = engine;
        this.writer = writer;
        this.searchRequests = searchRequests;
        this.maxTotalHits = maxTotalHits;
    }

    long searchesAnswered() {
        return searchesAnswered.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v1/search/assets")) {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "No such endpoint: " + exchange.getRequestURI().getPath());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpResponses.error(exchange, 405, "METHOD_NOT_ALLOWED", "Use POST to search assets");
                return;
            }
            // read the body even when refusing the request, so that the connection can be reused
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                HttpResponses.error(exchange, 413, "PAYLOAD_TOO_LARGE",
                        "Request body exceeds " + MAX_BODY_BYTES + " bytes");
                return;
            }
            HttpResponses.delay(faults.latencyMillis());
            String authProblem = auth.problem(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authProblem != null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"scenario\"");
                HttpResponses.error(exchange, 401, "UNAUTHORIZED", authProblem);
                return;
            }
            long number = searchRequests.incrementAndGet();
            try {
                LongConsumer hook = beforeSearch.get();
                if (hook != null) {
                    hook.accept(number);
                }
                churn.onSearchRequest();
            } catch (RuntimeException e) {
                HttpResponses.error(exchange, 500, "INTERNAL_ERROR", "Before-search hook or churn failed: " + e);
                return;
            }
            if (faults.isRateLimited(number)) {
                int retryAfter = faults.retryAfterSeconds();
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
                HttpResponses.error(exchange, 429, "TOO_MANY_REQUESTS",
                        "Too many requests (local server: every " + faults.rateLimitEvery() + "th request is limited)",
                        Map.of("remainingSeconds", retryAfter));
                return;
            }
            if (faults.drawServerError()) {
                HttpResponses.error(exchange, 503, "SERVICE_UNAVAILABLE",
                        "Service temporarily unavailable (local server: injected fault)");
                return;
            }
            answer(exchange, body);
        } catch (RuntimeException e) {
            // the exchange may already be half-answered; log and let the connection close
            System.err.println("local Scenario server: search failed: " + e);
        }
    }

    private void answer(HttpExchange exchange, byte[] body) throws IOException {
        SearchSpec spec;
        SearchEngine.Result result;
        try {
            spec = SearchRequestParser.parse(body, HttpResponses.queryParameters(exchange));
            result = engine.search(spec);
        } catch (BadRequestException e) {
            HttpResponses.error(exchange, e.status(), e.code(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            HttpResponses.error(exchange, 500, "INTERNAL_ERROR", "Search failed: " + e);
            return;
        }
        long reachable = maxTotalHits > 0 ? Math.min(result.total(), maxTotalHits) : result.total();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = HttpResponses.JSON.createGenerator(buffer)) {
            writer.writePage(g, result, spec, reachable);
        }
        searchesAnswered.incrementAndGet();
        HttpResponses.send(exchange, 200, "application/json", buffer.toByteArray());
    }

    /** The body, or null when it is larger than the gateway would accept. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

}
