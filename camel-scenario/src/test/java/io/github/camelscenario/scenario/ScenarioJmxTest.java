package io.github.camelscenario.scenario;

import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's crawl figures and its fresh-crawl operation, read and invoked through JMX as an operator's console
 * (JConsole, Hawtio, Jolokia) would.
 */
@Timeout(30)
class ScenarioJmxTest extends ConsumerTestSupport {

    private MBeanServer mbeans;
    private ObjectName consumerName;

    @Override
    protected CamelContext newContext() {
        DefaultCamelContext c = new DefaultCamelContext();
        c.getShutdownStrategy().setTimeout(10);
        return c; // camel-management on the classpath: JMX is on
    }

    private Object attribute(String name) throws Exception {
        return mbeans.getAttribute(consumerName, name);
    }

    /** One poll, driven by the test (the scheduler is not started) so nothing races the JMX calls. */
    private void poll() {
        ((ScenarioConsumer) context.getRoute("feed").getConsumer()).run();
    }

    @Test
    void crawlFiguresAsAttributesAndAFreshCrawlOnDemand() throws Exception {
        CrawlPages pages = CrawlPages.step(2);
        pages.stubAll(wireMock, CrawlPages.ids("a", 8));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=2&prefetchPages=0&maxMessagesPerPoll=2&startScheduler=false"))
                        .routeId("feed").to("mock:out");
            }
        });
        mbeans = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        consumerName = names.stream().filter(n -> {
            try {
                return "feed".equals(mbeans.getAttribute(n, "RouteId"));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no consumer MBean for route feed in " + names));

        poll();
        poll();
        // a1..a4 handed out: the next hit is the first of page 3
        assertThat(attribute("CrawlPage")).isEqualTo(3);
        assertThat(attribute("CrawlOffset")).isEqualTo(4L);
        assertThat(attribute("CrawlPageRequests")).isEqualTo(2);
        assertThat(attribute("ExchangesSent")).isEqualTo(4L);
        assertThat(attribute("CrawlsStarted")).isEqualTo(1L);
        assertThat(attribute("CrawlComplete")).isEqualTo(false);
        assertThat(attribute("LastFailureMessage")).isEqualTo("");

        // without the operation this poll would go on with a5, a6
        mbeans.invoke(consumerName, "startFreshCrawl", null, null);
        poll();
        assertThat(attribute("CrawlOffset")).isEqualTo(2L);
        assertThat(attribute("CrawlsStarted")).isEqualTo(2L);
        MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly("a1", "a2", "a3", "a4", "a1", "a2");
        assertThat(requestedPages(pages)).containsExactly(1, 2, 1);
    }
}
