package io.github.camelscenario.scenario.client;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An asset's file (or thumbnail), downloaded whole: small ones in memory, larger ones in a temporary file that
 * {@link #close()} deletes. Whoever holds one closes it.
 */
public final class DownloadedFile implements Closeable {

    private final Asset asset;
    private final AssetFile file;
    private final String contentType;
    private final Spool.Content content;
    private final AtomicBoolean closed = new AtomicBoolean();

    DownloadedFile(Asset asset, AssetFile file, String contentType, Spool.Content content) {
        this.asset = asset;
        this.file = file;
        this.contentType = contentType;
        this.content = content;
    }

    /** The asset (the hit given, or the one looked up by id). */
    public Asset getAsset() {
        return asset;
    }

    public String getAssetId() {
        return asset.getId();
    }

    /** Which file of the asset this is. */
    public AssetFile getFile() {
        return file;
    }

    /**
     * The file host's Content-Type, unless missing or generic ({@code application/octet-stream}); else the asset's
     * {@code mimeType} (for its own file); else the picture type its first bytes show; else {@code null}.
     */
    public String getContentType() {
        return contentType;
    }

    /** The asset id (made safe as a file name) plus an extension from the content type, e.g. {@code asset_1.png}. */
    public String getFileName() {
        return FileNames.fileName(asset.getId(), contentType);
    }

    /** Bytes downloaded. */
    public long getLength() {
        return content.length();
    }

    /** Whether the bytes are in memory ({@link #getBytes()}) rather than in a file ({@link #getPath()}). */
    public boolean isInMemory() {
        return content.path() == null;
    }

    /** The bytes, when in memory; else {@code null}. */
    public byte[] getBytes() {
        return content.bytes();
    }

    /** The temporary file, when spooled to disk; else {@code null}. Deleted by {@link #close()}. */
    public Path getPath() {
        return content.path();
    }

    /** A new stream over the bytes, from the start. */
    public InputStream openStream() throws IOException {
        if (closed.get()) {
            throw new IOException("The downloaded " + file.name().toLowerCase() + " of asset " + asset.getId()
                                  + " was already closed");
        }
        return isInMemory() ? new ByteArrayInputStream(content.bytes()) : Files.newInputStream(content.path());
    }

    /** Deletes the temporary file, if any. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true) && content.path() != null) {
            Files.deleteIfExists(content.path());
        }
    }

    @Override
    public String toString() {
        return "DownloadedFile[" + getFileName() + ", " + getLength() + " bytes, "
               + (isInMemory() ? "in memory" : "on disk") + "]";
    }
}
