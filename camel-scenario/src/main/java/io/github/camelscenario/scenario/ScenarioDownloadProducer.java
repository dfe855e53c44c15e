package io.github.camelscenario.scenario;

import java.io.IOException;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetDownload;
import io.github.camelscenario.scenario.client.AssetDownloader;
import io.github.camelscenario.scenario.client.AssetFile;
import io.github.camelscenario.scenario.client.DownloadedFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code scenario:download}: downloads one asset's file or thumbnail per exchange. The asset comes from the body (an
 * {@link Asset}, e.g. a search hit, or an asset id String) or, when the body is empty, from the
 * {@code CamelScenarioAsset} or {@code CamelScenarioAssetId} header. The body becomes the file as a stream, deleted when
 * the exchange completes; see {@link ContentMessages#fill}.
 */
public class ScenarioDownloadProducer extends DefaultProducer {

    /** Longer ids are no asset ids: a JSON document or a file's text sent by mistake. */
    private static final int MAX_ID_LENGTH = 256;

    public ScenarioDownloadProducer(ScenarioEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public ScenarioEndpoint getEndpoint() {
        return (ScenarioEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ScenarioEndpoint endpoint = getEndpoint();
        AssetFile file = ScenarioContent.of(endpoint.getConfiguration(), endpoint.getOperation()).assetFile();
        AssetDownload download = prepare(endpoint.getDownloader(), exchange.getMessage(), file);
        DownloadedFile downloaded = download.call();
        ContentMessages.fill(exchange, downloaded);
    }

    private static AssetDownload prepare(AssetDownloader downloader, Message message, AssetFile file)
            throws IOException {
        Object body = message.getBody();
        if (body instanceof Asset asset) {
            return downloader.prepare(asset, file);
        }
        if (body instanceof String id && !id.isBlank()) {
            return downloader.prepare(checkedId(id, "the body"), file);
        }
        if (body == null || body instanceof String) {
            Asset asset = message.getHeader(ScenarioConstants.ASSET, Asset.class);
            if (asset != null) {
                return downloader.prepare(asset, file);
            }
            String id = message.getHeader(ScenarioConstants.ASSET_ID, String.class);
            if (id != null && !id.isBlank()) {
                return downloader.prepare(checkedId(id, "header " + ScenarioConstants.ASSET_ID), file);
            }
        }
        throw new IllegalArgumentException("scenario:download needs the asset to download: an Asset (a search hit) or an"
                                           + " asset id String as the body, or an empty body and the header "
                                           + ScenarioConstants.ASSET + " or " + ScenarioConstants.ASSET_ID + "; the body"
                                           + " is " + (body == null || body instanceof String
                                                   ? "empty and neither header is set"
                                                   : "a " + body.getClass().getName()));
    }

    /** An asset id goes into the API's path: no URL, no spaces, no path separators. */
    private static String checkedId(String id, String from) {
        String trimmed = id.strip();
        if (trimmed.contains("://")) {
            // not shown: a file URL's query string is a credential
            throw new IllegalArgumentException("Invalid asset id in " + from + ": it is a URL; give the hit (an Asset)"
                                               + " or its id, not its url");
        }
        if (trimmed.length() > MAX_ID_LENGTH || trimmed.chars().anyMatch(c -> c == '/' || c == '?' || c == '#'
                                                                             || Character.isWhitespace(c)
                                                                             || Character.isISOControl(c))) {
            throw new IllegalArgumentException("Invalid asset id in " + from + " = '"
                                               + trimmed.substring(0, Math.min(40, trimmed.length()))
                                               + (trimmed.length() > 40 ? "...' (" + trimmed.length() + " chars)" : "'")
                                               + ": an asset id has at most " + MAX_ID_LENGTH + " characters, and no "
                                               + "spaces, slashes, ? or #");
        }
        return trimmed;
    }
}
