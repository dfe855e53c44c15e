package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Draws an asset's 4x4 colour grid as a small PNG: 64x64 for the asset, 32x32 for its thumbnail. */
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
}
