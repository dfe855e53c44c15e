package io.github.camelscenario.scenario;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Tells Camel that {@code apiSecret} is sensitive. Camel masks a property in its logs (Camel Main's configuration
 * summary, "Configured property" lines...) only when its name is on its built-in list, which has {@code apikey} but
 * not {@code apisecret}, or on the context's additional sensitive keywords: this adds ours there, keeping whatever the
 * user set ({@code camel.main.additional-sensitive-keywords}).
 */
final class SensitiveOptions {

    /** Option names as Camel compares them: lower case, no dashes. */
    static final String KEYWORDS = "apisecret";

    private SensitiveOptions() {
    }

    static void register(CamelContext context) {
        ExtendedCamelContext ecc = context.getCamelContextExtension();
        String current = ecc.getAdditionalSensitiveKeywords();
        // Camel checks containment in this text, so one occurrence is enough
        if (current == null || current.isBlank()) {
            ecc.setAdditionalSensitiveKeywords(KEYWORDS);
        } else if (!current.toLowerCase(Locale.ENGLISH).contains(KEYWORDS)) {
            ecc.setAdditionalSensitiveKeywords(current + "," + KEYWORDS);
        }
    }
}
