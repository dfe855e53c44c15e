package io.github.camelscenario.scenario;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** A route in YAML DSL: options reach the endpoint through the generated configurer, typed, with no reflection. */
class YamlRouteTest extends WireMockTestSupport {

    @Test
    void yamlRouteSearchesWithItsOptions() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 5, 2, 1, "d1", "d2"))));
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/search-route.yaml"));

        MockEndpoint hits = getMockEndpoint("mock:yaml-hit");
        hits.expectedMessageCount(2);
        template.sendBody("direct:yaml", null);
        hits.assertIsSatisfied();

        assertThat(lastSentBody()).isEqualTo(json("{'query':'dragon','filter':'tags = dragon AND width > 512',"
                                                  + "'hitsPerPage':5,'page':1,'sortBy':['createdAt:desc'],'public':true}"));
        ScenarioEndpoint endpoint = context.getEndpoints().stream()
                .filter(ScenarioEndpoint.class::isInstance).map(ScenarioEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getHitsPerPage()).isEqualTo(5);
    }
}
