package io.github.camelscenario.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which options the download operation and the content option accept: refused when the endpoint is created. */
final class DownloadOptions {

    static final int MAX_DOWNLOAD_CONCURRENCY = 32;

    /** Options that only shape a search or a consumer's crawl: in a download URI they would silently do nothing. */
    private static final Set<String> SEARCH_ONLY = Stream.concat(SearchField.ALL.stream().map(SearchField::name),
            Stream.of("maxResults", "allPages", "prefetchPages", "maxMessagesPerPoll", "onlyNew", "fullCrawlInterval",
                    "idempotentRepository", "downloadConcurrency"))
            .collect(Collectors.toUnmodifiableSet());

    private DownloadOptions() {
    }

    /**
     * Refuses, for {@code scenario:download}, search and consumer options given in its URI. Those set on the component
     * are defaults for every endpoint, so they are left alone.
     */
    static void refuseInUri(ScenarioOperation operation, Map<String, Object> uriParameters) {
        if (operation != ScenarioOperation.download) {
            return;
        }
        List<String> refused = uriParameters.keySet().stream().filter(SEARCH_ONLY::contains).sorted()
                .collect(Collectors.toList());
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("Option" + (refused.size() > 1 ? "s " : " ") + String.join(", ", refused)
                                               + (refused.size() > 1 ? " make" : " makes") + " no sense for "
                                               + "scenario:download, which downloads the asset in the body (a hit or an "
                                               + "asset id) or headers: remove "
                                               + (refused.size() > 1 ? "them" : "it"));
        }
    }

    /** The rules on content and downloadConcurrency, whatever the operation. */
    static void validate(ScenarioOperation operation, ScenarioConfiguration configuration) {
        if (operation == ScenarioOperation.download && configuration.getContent() == ScenarioContent.none) {
            throw new IllegalArgumentException("Invalid option 'content' = none for scenario:download: it downloads, so"
                                               + " content is file (the default) or thumbnail");
        }
        int concurrency = configuration.getDownloadConcurrency();
        if (concurrency < 1 || concurrency > MAX_DOWNLOAD_CONCURRENCY) {
            throw new IllegalArgumentException("Invalid option 'downloadConcurrency' = " + concurrency
                                               + ": must be between 1 and " + MAX_DOWNLOAD_CONCURRENCY);
        }
    }

    /** The search producer has no file to carry. */
    static void validateSearchProducer(ScenarioConfiguration configuration) {
        ScenarioContent content = configuration.getContent();
        if (content == ScenarioContent.file || content == ScenarioContent.thumbnail) {
            throw new IllegalArgumentException("Invalid option 'content' = " + content + " for the scenario:search "
                                               + "producer, which answers hits: to download them, split the hits and "
                                               + "send each to scenario:download?content=" + content);
        }
    }
}
