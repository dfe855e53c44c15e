package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Draws an asset's 4x4 colour grid as a small PNG or JPEG: 64x64 for the asset, 32x32 for its thumbnail. */
final class ImageRenderer {

    static final int IMAGE_SIZE = 64;
    static final int THUMBNAIL_SIZE = 32;

    private ImageRenderer() {
    }

    static BufferedImage render(int[] grid, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int cell = size / ImageVectors.GRID;
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            int gridRow = y / cell;
            for (int x = 0; x < size; x++) {
                row[x] = grid[gridRow * ImageVectors.GRID + x / cell];
            }
            image.setRGB(0, y, size, 1, row, 0, size);
        }
        return image;
    }

    static byte[] png(int[] grid, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            ImageIO.write(render(grid, size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG at quality 0.95: the grid's cells are whole 8x8 blocks of one colour, so decoding it gives back the
     * colours within a few units and a similar-image search by the picture still finds its asset first.
     */
    static byte[] jpeg(int[] grid, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(render(grid, size), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
