package io.github.camelscenario.example.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * A real PNG or JPEG grown to a realistic file size with padding every decoder skips: private ancillary chunks
 * ({@code paDd}) before a PNG's {@code IEND}, comment segments after a JPEG's start marker. It is written as it goes,
 * from one shared 64 KB block of random (incompressible) bytes, so a 2 MB file never sits in memory.
 */
final class PaddedPicture {

    private static final int PNG_CHUNK_OVERHEAD = 12; // length, type, CRC
    private static final int PNG_MAX_DATA = 64 * 1024;
    private static final int PNG_END_LENGTH = 12; // the IEND chunk
    private static final byte[] PNG_PAD_TYPE = "paDd".getBytes(StandardCharsets.US_ASCII);
    private static final int JPEG_SEGMENT_OVERHEAD = 4; // marker, length
    private static final int JPEG_MAX_DATA = 65_533; // a segment's length field counts itself, at most 65535
    private static final byte[] FILLER = new byte[PNG_MAX_DATA];

    static {
        new SplittableRandom(1).nextBytes(FILLER);
    }

    private final byte[] picture;
    private final boolean png;
    private final long padding;

    /**
     * @param picture the encoded picture
     * @param png     PNG, else JPEG
     * @param size    the file size wanted; the picture as it is when 0, when smaller than the picture, or when too close
     *                to it for one padding piece
     */
    PaddedPicture(byte[] picture, boolean png, long size) {
        this.picture = picture;
        this.png = png;
        long pad = size - picture.length;
        this.padding = pad >= (png ? PNG_CHUNK_OVERHEAD : JPEG_SEGMENT_OVERHEAD) ? pad : 0;
    }

    long length() {
        return picture.length + padding;
    }

    void writeTo(OutputStream out) throws IOException {
        if (padding == 0) {
            out.write(picture);
        } else if (png) {
            out.write(picture, 0, picture.length - PNG_END_LENGTH);
            writePieces(out, PNG_CHUNK_OVERHEAD, PNG_MAX_DATA);
            out.write(picture, picture.length - PNG_END_LENGTH, PNG_END_LENGTH);
        } else {
            out.write(picture, 0, 2); // SOI
            writePieces(out, JPEG_SEGMENT_OVERHEAD, JPEG_MAX_DATA);
            out.write(picture, 2, picture.length - 2);
        }
    }

    /** Pieces of at most {@code overhead + maxData} bytes adding up to exactly {@link #padding}. */
    private void writePieces(OutputStream out, int overhead, int maxData) throws IOException {
        long remaining = padding;
        while (remaining > 0) {
            long piece = Math.min(remaining, overhead + maxData);
            if (remaining - piece > 0 && remaining - piece < overhead) {
                // what would be left is too small for a piece of its own: leave room for one
                piece -= overhead;
            }
            int data = (int) piece - overhead;
            if (png) {
                writePngChunk(out, data);
            } else {
                writeJpegComment(out, data);
            }
            remaining -= piece;
        }
    }

    private static void writePngChunk(OutputStream out, int data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(PNG_PAD_TYPE);
        crc.update(FILLER, 0, data);
        writeInt(out, data);
        out.write(PNG_PAD_TYPE);
        out.write(FILLER, 0, data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeJpegComment(OutputStream out, int data) throws IOException {
        out.write(0xFF);
        out.write(0xFE);
        int length = data + 2;
        out.write(length >>> 8);
        out.write(length & 0xFF);
        out.write(FILLER, 0, data);
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }
}
