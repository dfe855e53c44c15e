package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.github.camelscenario.scenario.client.DownloadedFile;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.StreamCache;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downloaded file as a message body: an {@link InputStream} that is also a {@link StreamCache}, so Camel neither
 * copies it into memory (stream caching leaves a StreamCache as it is) nor shares one stream between the branches of a
 * multicast or wire tap (each gets a {@link #copy}). Reading opens the file lazily; {@link #reset()} starts again.
 * <p>
 * The file lives as long as the exchanges holding it: each one (the first, and every copy's) releases it when it
 * completes, successfully or not, and the last release closes every stream still open and deletes the temporary file.
 */
final class DownloadedFileCache extends InputStream implements StreamCache {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadedFileCache.class);

    /** The file and who still holds it. */
    private static final class Holders {
        final DownloadedFile file;
        int count;
        boolean released;
        final List<DownloadedFileCache> caches = new ArrayList<>(2);

        Holders(DownloadedFile file) {
            this.file = file;
        }

        synchronized boolean hold(DownloadedFileCache cache) {
            if (released) {
                return false;
            }
            count++;
            caches.add(cache);
            return true;
        }

        void release() {
            List<DownloadedFileCache> open;
            synchronized (this) {
                if (--count > 0 || released) {
                    return;
                }
                released = true;
                open = new ArrayList<>(caches);
                caches.clear();
            }
            open.forEach(DownloadedFileCache::close);
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("Cannot delete the temporary file of asset {} ({}); it stays in {}", file.getAssetId(),
                        e.getMessage(), file.getPath() == null ? "memory" : file.getPath().getParent());
            }
        }
    }

    private final Holders holders;
    private InputStream stream;

    private DownloadedFileCache(Holders holders) {
        this.holders = holders;
    }

    /**
     * The body for {@code exchange}, which holds the file until it completes. Fails (deleting the file) when the
     * exchange cannot take it.
     */
    static DownloadedFileCache of(DownloadedFile file, Exchange exchange) throws IOException {
        DownloadedFileCache cache = new DownloadedFileCache(new Holders(file));
        cache.holdFor(exchange, false);
        return cache;
    }

    /**
     * @param copy whether the exchange is a copy (multicast, split, wire tap): as Camel's own file caches do, a copy
     *             made inside a unit of work that aggregates it later is held until that unit of work is done
     */
    private void holdFor(Exchange exchange, boolean copy) throws IOException {
        if (!holders.hold(this)) {
            throw new IOException("The downloaded file of asset " + holders.file.getAssetId()
                                  + " was already released by the exchanges that held it");
        }
        Synchronization release = new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                holders.release();
            }

            @Override
            public String toString() {
                return "OnCompletion[downloaded file of asset " + holders.file.getAssetId() + "]";
            }
        };
        UnitOfWork aggregating = copy
                ? exchange.getProperty(ExchangePropertyKey.STREAM_CACHE_UNIT_OF_WORK, UnitOfWork.class) : null;
        if (aggregating != null && aggregating.getRoute() != null) {
            aggregating.addSynchronization(release);
        } else {
            exchange.getExchangeExtension().addOnCompletion(release);
        }
    }

    @Override
    public StreamCache copy(Exchange exchange) throws IOException {
        DownloadedFileCache copy = new DownloadedFileCache(holders);
        copy.holdFor(exchange, true);
        return copy;
    }

    @Override
    public synchronized void reset() {
        IOHelper.close(stream);
        stream = null;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        if (stream == null && !holders.file.isInMemory()) {
            Files.copy(holders.file.getPath(), os);
        } else if (stream == null) {
            os.write(holders.file.getBytes());
        } else {
            stream().transferTo(os);
        }
    }

    @Override
    public boolean inMemory() {
        return holders.file.isInMemory();
    }

    @Override
    public long length() {
        return holders.file.getLength();
    }

    @Override
    public long position() {
        return -1;
    }

    private synchronized InputStream stream() throws IOException {
        if (stream == null) {
            stream = holders.file.openStream();
        }
        return stream;
    }

    @Override
    public int read() throws IOException {
        return stream().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return stream().read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return stream().skip(n);
    }

    @Override
    public int available() throws IOException {
        return stream().available();
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        return stream().transferTo(out);
    }

    /** Closes the stream open on the file, if any; the file itself goes when its last exchange completes. */
    @Override
    public synchronized void close() {
        IOHelper.close(stream);
        stream = null;
    }

    /** The file behind this body (tests, and routes that want its path). */
    DownloadedFile file() {
        return holders.file;
    }

    @Override
    public String toString() {
        return "DownloadedFileCache[" + holders.file + "]";
    }
}
