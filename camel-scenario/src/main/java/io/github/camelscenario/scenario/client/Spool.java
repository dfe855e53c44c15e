package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a download's body goes while it arrives: memory up to {@code threshold} bytes, a temporary file beyond, so a
 * large file never sits in the heap. The file is deleted when writing it fails; otherwise its owner deletes it.
 */
final class Spool {

    /** What a body became: bytes in memory, or a file on disk; {@code firstBytes} are the first few either way. */
    record Content(byte[] bytes, Path path, long length, byte[] firstBytes) {
    }

    static final int DEFAULT_THRESHOLD = 256 * 1024;
    private static final int FIRST_BYTES = 16;

    private final int threshold;
    private final Path directory;

    /** @param directory where files are written; {@code null} for the JVM's temporary directory */
    Spool(int threshold, Path directory) {
        if (threshold < 0) {
            throw new IllegalArgumentException("spool threshold must be 0 or more bytes, was " + threshold);
        }
        this.threshold = threshold;
        this.directory = directory;
    }

    Content write(InputStream in, String assetId) throws IOException {
        byte[] head = in.readNBytes(threshold);
        int next = head.length < threshold ? -1 : in.read();
        if (next < 0) {
            return new Content(head, null, head.length, first(head));
        }
        Path file = directory == null ? Files.createTempFile(prefix(assetId), ".download")
                : Files.createTempFile(directory, prefix(assetId), ".download");
        try {
            long length;
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                out.write(next);
                length = head.length + 1 + in.transferTo(out);
            }
            byte[] first = head.length >= FIRST_BYTES ? first(head) : firstBytesOf(file);
            return new Content(null, file, length, first);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static String prefix(String assetId) {
        // the id only helps whoever looks into the folder; it must not make the name unsafe
        return "scenario-" + FileNames.fileName(assetId.length() > 40 ? assetId.substring(0, 40) : assetId, null) + "-";
    }

    private static byte[] first(byte[] head) {
        return Arrays.copyOf(head, Math.min(head.length, FIRST_BYTES));
    }

    private static byte[] firstBytesOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(FIRST_BYTES);
        }
    }
}
