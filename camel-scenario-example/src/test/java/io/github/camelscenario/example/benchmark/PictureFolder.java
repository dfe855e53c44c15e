package io.github.camelscenario.example.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder a sync wrote into: checked to hold every asset's picture whole, then emptied (2,000 pictures of 2 MB are
 * 4 GB a run). A sync that lost, repeated, cut or misnamed a picture fails instead of looking fast.
 */
final class PictureFolder {

    private PictureFolder() {
    }

    /**
     * Fails unless {@code folder} holds exactly one file per id of {@code ids} (named by the id, with or without an
     * extension), each {@code size} bytes long and starting like a PNG or a JPEG; deletes every file in it either way.
     *
     * @return the bytes the folder held
     */
    static long verifyAndEmpty(Path folder, Set<String> ids, long size, String sync) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.toList();
        }
        try {
            Set<String> seen = new HashSet<>();
            long bytes = 0;
            List<String> wrong = new ArrayList<>();
            for (Path file : files) {
                String id = file.getFileName().toString().replaceFirst("\\.(png|jpg)$", "");
                long length = Files.size(file);
                bytes += length;
                if (!ids.contains(id) || !seen.add(id)) {
                    wrong.add(file.getFileName() + " (unknown or repeated asset)");
                } else if (length != size || !isPicture(file)) {
                    wrong.add(file.getFileName() + " (" + length + " bytes, not a whole picture of " + size + ")");
                }
            }
            if (!wrong.isEmpty() || seen.size() != ids.size()) {
                throw new IllegalStateException(sync + " left " + seen.size() + " of " + ids.size()
                                                + " pictures whole in " + folder + "; wrong: "
                                                + wrong.subList(0, Math.min(5, wrong.size())));
            }
            return bytes;
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isPicture(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            boolean png = head.length == 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            boolean jpeg = head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8;
            return png || jpeg;
        }
    }
}
