package io.github.camelscenario.example;

import java.util.Map;

/**
 * Which Scenario the example talks to: the real API when credentials are in the environment (our names or the ones
 * the official SDKs read), else the local server.
 */
record ScenarioTarget(String apiKey, String apiSecret, String source) {

    static final String[][] CREDENTIAL_NAMES = {
            { "SCENARIO_API_KEY", "SCENARIO_API_SECRET" },
            { "SCENARIO_SDK_API_KEY", "SCENARIO_SDK_API_SECRET" } };

    static ScenarioTarget fromEnvironment(Map<String, String> env) {
        for (String[] names : CREDENTIAL_NAMES) {
            String key = env.get(names[0]);
            String secret = env.get(names[1]);
            if (notBlank(key) && notBlank(secret)) {
                return new ScenarioTarget(key, secret, names[0] + "/" + names[1]);
            }
            if (notBlank(key) != notBlank(secret)) {
                throw new IllegalStateException(
                        (notBlank(key) ? names[1] : names[0]) + " is not set but " + (notBlank(key) ? names[0] : names[1])
                                                + " is: set both to use the real Scenario API, or neither for the local "
                                                + "server");
            }
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "ScenarioTarget[credentials from " + source + "]";
    }
}
