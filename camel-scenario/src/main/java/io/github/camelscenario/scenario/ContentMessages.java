package io.github.camelscenario.scenario;

import java.io.IOException;

import io.github.camelscenario.scenario.client.DownloadedFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Puts a downloaded file on an exchange: the body, and the headers that say what it is. */
final class ContentMessages {

    private ContentMessages() {
    }

    /**
     * Sets the body to the file as a stream ({@link DownloadedFileCache}, deleted when the exchange completes) and the
     * headers {@code CamelScenarioAsset}, {@code CamelScenarioAssetId}, {@code Content-Type} (removed when unknown) and
     * {@code CamelFileName}. On failure the file is deleted at once.
     */
    static void fill(Exchange exchange, DownloadedFile file) throws IOException {
        DownloadedFileCache body;
        try {
            body = DownloadedFileCache.of(file, exchange);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        Message message = exchange.getMessage();
        message.setBody(body);
        message.setHeader(ScenarioConstants.ASSET, file.getAsset());
        message.setHeader(ScenarioConstants.ASSET_ID, file.getAssetId());
        if (file.getContentType() != null) {
            message.setHeader(ScenarioConstants.CONTENT_TYPE, file.getContentType());
        } else {
            message.removeHeader(ScenarioConstants.CONTENT_TYPE);
        }
        message.setHeader(ScenarioConstants.FILE_NAME, file.getFileName());
    }
}
