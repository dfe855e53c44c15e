package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download of an asset's file or thumbnail, from {@link AssetDownloader#prepare}. {@link #call()} runs it on the
 * calling thread; {@link #cancel()}, from any thread, aborts the request in flight and any wait.
 * <p>
 * What it does: looks the asset up when only its id was given; GETs the file URL (following up to
 * {@link AssetDownloader#MAX_REDIRECTS} redirects, each without credentials) and spools the body; on 403 or 410 (an
 * expired signed URL) asks the API once for a fresh link and tries again without counting a retry; retries 429, 500,
 * 502, 503, 504 and I/O failures (a body cut short, a reset, a timeout) as the {@link RetryPolicy} says; fails at once
 * on 404, on other statuses, on a hit without a URL, and on a second 403 or 410.
 */
public final class AssetDownload implements Callable<DownloadedFile> {

    private static final Logger LOG = LoggerFactory.getLogger(AssetDownload.class);

    private final AssetDownloader downloader;
    private final String assetId;
    private final AssetFile file;
    private Asset asset;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile HttpGet inFlight;

    /** Requests sent to the file host. */
    private int attempts;

    AssetDownload(AssetDownloader downloader, Asset asset, String assetId, AssetFile file) {
        this.downloader = downloader;
        this.asset = asset;
        this.assetId = assetId;
        this.file = file;
    }

    public String getAssetId() {
        return assetId;
    }

    public AssetFile getFile() {
        return file;
    }

    /** Aborts the request in flight and any wait between attempts; {@link #call()} then ends with a cancellation. */
    public void cancel() {
        cancelled.countDown();
        HttpGet request = inFlight;
        if (request != null) {
            request.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Runs the download; once only.
     *
     * @throws AssetDownloadException  when it fails, naming the asset id and the host and path of the URL only
     * @throws InterruptedIOException  when cancelled (or the thread interrupted)
     * @throws IllegalStateException   when called a second time
     */
    @Override
    public DownloadedFile call() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("A download runs once: prepare another for asset " + assetId);
        }
        URI url = null;
        boolean refreshed = false;
        boolean refreshNeeded = false;
        RetryPolicy policy = downloader.retryPolicy;
        for (int failures = 1;; failures++) {
            Step step;
            try {
                checkCancelled();
                if (asset == null) {
                    asset = downloader.api.getAsset(assetId);
                }
                if (url == null) {
                    url = urlOf(asset);
                }
                if (refreshNeeded) {
                    url = freshUrl(url);
                    refreshNeeded = false;
                    refreshed = true;
                }
                step = fetch(url);
            } catch (ScenarioApiException e) {
                step = apiFailure(e);
            } catch (UnsupportedOperationException e) {
                throw failure("the scenarioClient in use " + e.getMessage(), 0, null);
            } catch (AssetDownloadException e) {
                throw e;
            } catch (IOException e) {
                if (isCancelled() || HttpScenarioClient.cancelled(e)) {
                    throw cancellation();
                }
                step = Step.retry("I/O error" + (url == null ? "" : " from " + SignedUrls.describe(url)) + ": "
                                  + SignedUrls.redact(e.getMessage()), null, 0, SignedUrls.shareable(e));
            }
            if (step.result != null) {
                return step.result;
            }
            if (step.expired) {
                if (refreshed) {
                    throw failure("HTTP " + step.status + " from " + SignedUrls.describe(url) + " again with a fresh "
                                  + "link (" + freshLinkCall() + "); not retried", step.status, null);
                }
                LOG.debug("The signed URL of {} of asset {} was refused (HTTP {} from {}): asking for a fresh link",
                        file.describe(), assetId, step.status, SignedUrls.describe(url));
                refreshNeeded = true;
                failures--; // a refresh is not a retry
                continue;
            }
            if (failures > policy.maxRetries()) {
                throw failure(step.reason + (failures > 1 ? "; gave up after " + failures + " attempts"
                        : "; not retried (maxRetries=0)"), step.status, step.cause);
            }
            Duration wait = policy.delayBefore(failures, step.retryAfter);
            LOG.warn("Download of {} of asset {} failed ({}); retrying in {} ms", file.describe(), assetId, step.reason,
                    wait.toMillis());
            await(wait);
        }
    }

    /** What an attempt came to: the file, a refused (expired) URL, or a transient failure to retry. */
    private record Step(DownloadedFile result, boolean expired, String reason, Duration retryAfter, int status,
                        IOException cause) {
        static Step done(DownloadedFile file) {
            return new Step(file, false, null, null, 0, null);
        }

        static Step expired(int status) {
            return new Step(null, true, null, null, status, null);
        }

        static Step retry(String reason, Duration retryAfter, int status, IOException cause) {
            return new Step(null, false, reason, retryAfter, status, cause);
        }
    }

    private Step apiFailure(ScenarioApiException e) throws AssetDownloadException {
        if (!e.isRetryable()) {
            throw new AssetDownloadException("Cannot download " + file.describe() + " of asset " + assetId + ": "
                                             + SignedUrls.redact(e.getMessage()), assetId, file, e.getStatusCode(),
                    attempts, e);
        }
        return Step.retry(SignedUrls.redact(e.getMessage()), null, e.getStatusCode(), null);
    }

    /** GETs the URL, following redirects; the body is spooled before the connection goes back to the pool. */
    private Step fetch(URI start) throws IOException {
        URI target = start;
        for (int redirects = 0;; redirects++) {
            checkCancelled();
            HttpGet get = new HttpGet(target);
            inFlight = get;
            if (isCancelled()) {
                get.cancel();
            }
            attempts++;
            LOG.debug("Downloading {} of asset {} from {}", file.describe(), assetId, SignedUrls.describe(target));
            URI from = target;
            Object answer;
            try {
                answer = downloader.files.execute(get, response -> read(from, response));
            } finally {
                inFlight = null;
            }
            if (answer instanceof URI next) {
                if (redirects >= AssetDownloader.MAX_REDIRECTS) {
                    throw failure("more than " + AssetDownloader.MAX_REDIRECTS + " redirects from "
                                  + SignedUrls.describe(start), 0, null);
                }
                LOG.trace("{} of asset {} redirected from {} to {}", file.describe(), assetId,
                        SignedUrls.describe(from), SignedUrls.describe(next));
                target = next;
                continue;
            }
            return (Step) answer;
        }
    }

    /** A redirect's target ({@link URI}) or a {@link Step}. */
    private Object read(URI from, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return Step.done(spool(response));
        }
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            return redirectTarget(from, response);
        }
        String where = "HTTP " + status + " from " + SignedUrls.describe(from);
        if (status == 403 || status == 410) {
            return Step.expired(status);
        }
        if (status == 404) {
            throw failure(where + ": the file is not there; not retried", status, null);
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            return Step.retry(where, ApiError.parseRetryAfter(response.getFirstHeader("Retry-After")), status, null);
        }
        throw failure(where + "; not retried: HTTP " + status + " is not transient", status, null);
    }

    private URI redirectTarget(URI from, ClassicHttpResponse response) throws AssetDownloadException {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        int status = response.getCode();
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            throw failure("HTTP " + status + " from " + SignedUrls.describe(from) + " without a Location", status,
                    null);
        }
        try {
            URI next = from.resolve(new URI(location.getValue().strip()));
            if (BaseUrls.isHttp(next)) {
                return next;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // said below, without the Location itself: it may be signed too
        }
        throw failure("HTTP " + status + " from " + SignedUrls.describe(from) + " redirects to a Location that is "
                      + "not an http(s) URL", status, null);
    }

    private DownloadedFile spool(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        Spool.Content content = entity == null ? new Spool.Content(new byte[0], null, 0, new byte[0])
                : downloader.spool.write(entity.getContent(), assetId);
        Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        String contentType = FileNames.contentType(type == null ? null : type.getValue(),
                asset.getMimeType(), file, content.firstBytes());
        return new DownloadedFile(asset, file, contentType, content);
    }

    private URI urlOf(Asset hit) throws AssetDownloadException {
        String text = file == AssetFile.FILE ? hit.getUrl()
                : hit.getThumbnail() == null ? null : hit.getThumbnail().getUrl();
        if (text == null || text.isBlank()) {
            throw failure("the asset has no " + file.urlField() + "; nothing to download", 0, null);
        }
        try {
            URI uri = new URI(text.strip());
            if (BaseUrls.isHttp(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below, without the URL itself
        }
        throw failure("its " + file.urlField() + " is not an absolute http(s) URL", 0, null);
    }

    /** A fresh URL after the file host refused the signed one: from the API, at its baseUrl only. */
    private URI freshUrl(URI refused) throws IOException {
        if (file == AssetFile.FILE) {
            return downloader.api.downloadLink(assetId);
        }
        // a thumbnail has no download-link call of its own: the asset, asked again, carries a freshly signed one
        asset = downloader.api.getAsset(assetId);
        return urlOf(asset);
    }

    private String freshLinkCall() {
        return file == AssetFile.FILE ? "POST /assets/" + assetId + "/download" : "GET /assets/" + assetId;
    }

    private AssetDownloadException failure(String why, int status, Throwable cause) {
        return new AssetDownloadException("Download of " + file.describe() + " of asset " + assetId + " failed: " + why,
                assetId, file, status, attempts, cause);
    }

    private void checkCancelled() throws InterruptedIOException {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw cancellation();
        }
    }

    private InterruptedIOException cancellation() {
        LOG.debug("Download of {} of asset {} cancelled by its caller; not retried", file.describe(), assetId);
        return new InterruptedIOException("Download of " + file.describe() + " of asset " + assetId + " cancelled");
    }

    private void await(Duration wait) throws InterruptedIOException {
        try {
            if (cancelled.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw cancellation();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancellation();
        }
    }
}
