package io.github.camelscenario.scenario;

import io.github.camelscenario.scenario.client.AssetDownloader;
import io.github.camelscenario.scenario.client.HttpTransport;
import org.apache.camel.util.IOHelper;

/**
 * An endpoint's downloader, built on first use: the endpoint's API client (for asset lookups and fresh links, at
 * baseUrl only) and an HTTP pool of its own for the file host, with the endpoint's timeouts, proxy and TLS settings
 * but never its httpClientConfigurer, which may add credentials to every request it sends.
 */
final class EndpointDownloads {

    private final ScenarioEndpoint endpoint;
    private HttpTransport transport;
    private AssetDownloader downloader;

    EndpointDownloads(ScenarioEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    synchronized AssetDownloader get() {
        if (downloader == null) {
            ScenarioConfiguration configuration = endpoint.getConfiguration();
            transport = endpoint.transportSettings()
                    .maxConnections(Math.max(20, configuration.getDownloadConcurrency()))
                    .build();
            downloader = AssetDownloader.builder().api(endpoint.getClient()).transport(transport)
                    .retryPolicy(endpoint.retryPolicy()).build();
        }
        return downloader;
    }

    synchronized void close() {
        IOHelper.close(downloader, transport);
        downloader = null;
        transport = null;
    }
}
