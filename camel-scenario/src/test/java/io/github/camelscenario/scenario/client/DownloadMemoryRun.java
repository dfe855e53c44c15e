package io.github.camelscenario.scenario.client;

import java.io.InputStream;

/**
 * Downloads a body several times the size of its heap (run by {@link AssetDownloaderMemoryTest} with a small
 * {@code -Xmx}) and checks every byte of what was spooled.
 */
public final class DownloadMemoryRun {

    private DownloadMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        long length = Long.parseLong(args[0]);
        try (RawFileServer server = new RawFileServer(length, length, RawFileServer.Then.CLOSE);
             AssetDownloader downloader = AssetDownloader.builder().api(new ScenarioClient() {
                 @Override
                 public SearchPage search(SearchRequest request) {
                     throw new UnsupportedOperationException();
                 }
             }).build()) {
            Asset hit = new Asset();
            hit.setId("asset_big");
            hit.setUrl(server.url("/f/big"));
            try (DownloadedFile file = downloader.download(hit, AssetFile.FILE); InputStream in = file.openStream()) {
                byte[] buffer = new byte[64 * 1024];
                long position = 0;
                for (int n; (n = in.read(buffer)) > 0; position += n) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] != RawFileServer.byteAt(position + i)) {
                            throw new AssertionError("byte " + (position + i) + " differs");
                        }
                    }
                }
                System.out.println("inMemory=" + file.isInMemory() + " length=" + file.getLength() + " read=" + position
                                   + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        }
    }
}
