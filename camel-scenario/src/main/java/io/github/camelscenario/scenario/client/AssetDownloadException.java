package io.github.camelscenario.scenario.client;

import java.io.IOException;

/**
 * Downloading one asset's file or thumbnail failed. The message names the asset id and, when a file host answered,
 * only the host and path of the URL: never its query string, which is the signature.
 */
public class AssetDownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String assetId;
    private final AssetFile file;
    private final int statusCode;
    private final int attempts;

    AssetDownloadException(String message, String assetId, AssetFile file, int statusCode, int attempts,
                           Throwable cause) {
        super(message, cause);
        this.assetId = assetId;
        this.file = file;
        this.statusCode = statusCode;
        this.attempts = attempts;
    }

    /** The asset whose file could not be downloaded. */
    public String getAssetId() {
        return assetId;
    }

    /** Which file: the asset's own or its thumbnail. */
    public AssetFile getFile() {
        return file;
    }

    /** The HTTP status the file host (or the API) answered last; 0 when none answered. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Requests sent to the file host in all (0 when the failure came before any). */
    public int getAttempts() {
        return attempts;
    }
}
