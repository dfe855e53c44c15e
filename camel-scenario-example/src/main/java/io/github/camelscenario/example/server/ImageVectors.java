package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The similarity "embedding" of a picture: the average colour of each cell of a 4x4 grid, 48 numbers, centred on
 * mid-grey so that cosine similarity tells dark from light and one hue from another. The server renders each asset
 * from its stored grid, so decoding an asset's own picture gives back its own vector.
 */
final class ImageVectors {

    static final int GRID = 4;
    static final int DIMENSIONS = GRID * GRID * 3;

    private ImageVectors() {
    }

    static float[] ofGrid(int[] grid) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < grid.length; i++) {
            put(v, i, (grid[i] >> 16) & 0xFF, (grid[i] >> 8) & 0xFF, grid[i] & 0xFF);
        }
        return v;
    }

    /** Averages each of the 4x4 cells of any picture (cells split the picture as evenly as integer sizes allow). */
    static float[] ofImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < GRID || h < GRID) {
            throw new BadRequestException("The image is " + w + "x" + h + " pixels; at least " + GRID + "x" + GRID
                                          + " are needed to compare it");
        }
        // sums per cell and channel, reading one pixel row at a time (a big photo need not be copied whole)
        long[] sums = new long[DIMENSIONS];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, line, 0, w);
            int rowOffset = (int) ((long) y * GRID / h) * GRID;
            for (int x = 0; x < w; x++) {
                int cell = (rowOffset + (int) ((long) x * GRID / w)) * 3;
                int p = line[x];
                sums[cell] += (p >> 16) & 0xFF;
                sums[cell + 1] += (p >> 8) & 0xFF;
                sums[cell + 2] += p & 0xFF;
            }
        }
        // pixels per cell row and column, by the same mapping as above
        long[] rows = new long[GRID];
        long[] cols = new long[GRID];
        for (int y = 0; y < h; y++) {
            rows[y * GRID / h]++;
        }
        for (int x = 0; x < w; x++) {
            cols[x * GRID / w]++;
        }
        float[] v = new float[DIMENSIONS];
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                long n = rows[row] * cols[col];
                int cell = (row * GRID + col) * 3;
                put(v, row * GRID + col, (int) (sums[cell] / n), (int) (sums[cell + 1] / n), (int) (sums[cell + 2] / n));
            }
        }
        return v;
    }

    private static void put(float[] v, int cell, int r, int g, int b) {
        v[cell * 3] = (r - 127.5f) / 127.5f;
        v[cell * 3 + 1] = (g - 127.5f) / 127.5f;
        v[cell * 3 + 2] = (b - 127.5f) / 127.5f;
    }

    /** Cosine similarity in [-1, 1]; 0 when either vector is all zero. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Cosine similarity of an asset's grid with {@code v}, without allocating the asset's vector. */
    static double cosine(int[] grid, float[] v, double vNorm) {
        double dot = 0;
        double na = 0;
        for (int i = 0; i < grid.length; i++) {
            float r = (((grid[i] >> 16) & 0xFF) - 127.5f) / 127.5f;
            float g = (((grid[i] >> 8) & 0xFF) - 127.5f) / 127.5f;
            float b = ((grid[i] & 0xFF) - 127.5f) / 127.5f;
            dot += r * v[i * 3] + g * v[i * 3 + 1] + b * v[i * 3 + 2];
            na += r * r + g * g + b * b;
        }
        return na == 0 || vNorm == 0 ? 0 : dot / (Math.sqrt(na) * vNorm);
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Element-wise mean of several vectors. */
    static float[] mean(List<float[]> vectors) {
        float[] m = new float[DIMENSIONS];
        for (float[] v : vectors) {
            for (int i = 0; i < m.length; i++) {
                m[i] += v[i] / vectors.size();
            }
        }
        return m;
    }
}
