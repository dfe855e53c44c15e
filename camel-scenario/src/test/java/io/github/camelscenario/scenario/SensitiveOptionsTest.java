package io.github.camelscenario.scenario;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component makes Camel treat apiSecret as sensitive, without dropping the keywords a user added. */
class SensitiveOptionsTest {

    @Test
    void theComponentAddsApiSecretToTheUsersSensitiveKeywords() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("myToken");
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.scenario.apiSecret")).isFalse();

            context.getComponent("scenario", ScenarioComponent.class);

            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.scenario.apiSecret")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.scenario.api-secret")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "mytoken")).as("the user's keyword stays").isTrue();
        }
    }

    @Test
    void addingItTwiceChangesNothing() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            SensitiveOptions.register(context);
            SensitiveOptions.register(context);
            assertThat(context.getCamelContextExtension().getAdditionalSensitiveKeywords()).isEqualTo("apisecret");
        }
    }
}
