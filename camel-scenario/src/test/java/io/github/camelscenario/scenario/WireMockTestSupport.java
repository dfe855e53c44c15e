package io.github.camelscenario.scenario;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A Camel context whose {@code scenario} component talks to a WireMock server on loopback, with test credentials set
 * once on the component as users are meant to.
 */
public abstract class WireMockTestSupport extends CamelTestSupport {

    protected static final String API_KEY = "test-key";
    protected static final String API_SECRET = "s3cr3t-Value-never-shown";
    protected static final String SEARCH_PATH = CrawlPages.SEARCH_PATH;
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected WireMockServer wireMock;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        CamelContext context = super.createCamelContext();
        ScenarioComponent scenario = new ScenarioComponent();
        scenario.getConfiguration().setBaseUrl(baseUrl());
        scenario.getConfiguration().setApiKey(API_KEY);
        scenario.getConfiguration().setApiSecret(API_SECRET);
        // fast retries: the tests prove the policy, not the default delays
        scenario.getConfiguration().setRetryInitialDelay(10);
        scenario.getConfiguration().setRetryMaxDelay(2000);
        context.addComponent("scenario", scenario);
        return context;
    }

    @AfterEach
    void stopWireMock() {
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/v1";
    }

    protected static MappingBuilder search() {
        return post(urlPathEqualTo(SEARCH_PATH));
    }

    protected List<LoggedRequest> searchRequests() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }

    /** The JSON bodies sent, oldest first. */
    protected List<JsonNode> sentBodies() {
        return searchRequests().stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());
    }

    protected JsonNode lastSentBody() {
        List<JsonNode> bodies = sentBodies();
        return bodies.get(bodies.size() - 1);
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
