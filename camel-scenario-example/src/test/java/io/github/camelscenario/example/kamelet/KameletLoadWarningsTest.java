package io.github.camelscenario.example.kamelet;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.camelscenario.example.server.LocalScenarioServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading and starting the routes of docs/kamelets.md, and so the kamelets they use, logs no warning: Camel's log (WARN
 * and above in this module, see simplelogger.properties) stays empty. Camel warns, for instance, about a kamelet
 * template in the YAML DSL's compact notation, on every start of every application that uses it.
 */
@Timeout(60)
class KameletLoadWarningsTest {

    private static LocalScenarioServer server;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startServer() {
        server = LocalScenarioServer.builder().assets(50).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dragon-feed-route.yaml", "search-action-route.yaml", "similar-pictures-route.yaml"})
    void loadingAndStartingARouteAndItsKameletLogsNoWarning(String file) throws Exception {
        assertThat(logOfLoadingAndStarting(file)).as(file).isEmpty();
    }

    /** What docs/kamelets.md says: Camel K's resource, which Camel's YAML DSL loads with a warning of its own. */
    @ParameterizedTest
    @ValueSource(strings = {"dragon-feed.pipe.yaml", "similar-pictures.pipe.yaml"})
    void aPipeLogsOnlyTheWarningTheDocsQuote(String file) throws Exception {
        assertThat(logOfLoadingAndStarting(file)).as(file).isEqualTo(
                "[WARN] Unsupported top-level YAML node in resource: classpath:kamelets-usage/" + file
                + ". Ensure the YAML file uses a sequence (list) of route definitions." + System.lineSeparator());
    }

    private String logOfLoadingAndStarting(String file) throws Exception {
        return logOf(() -> {
            try (CamelContext context = new DefaultCamelContext()) {
                context.getPropertiesComponent().setInitialProperties(KameletsTest.usageProperties(server, workDir));
                PluginHelper.getRoutesLoader(context).loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "classpath:kamelets-usage/" + file));
                context.start();
            }
        });
    }

    /** What slf4j-simple printed (to System.err, read at each line) while the action ran. */
    private static String logOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
