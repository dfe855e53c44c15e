package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;

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
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        float[] v = new float[DIMENSIONS];
        for (int row = 0; row < GRID; row++) {
            int y0 = row * h / GRID;
            int y1 = (row + 1) * h / GRID;
            for (int col = 0; col < GRID; col++) {
                int x0 = col * w / GRID;
                int x1 = (col + 1) * w / GRID;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int p = pixels[y * w + x];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                put(v, row * GRID + col, (int) (r / n), (int) (g / n), (int) (b / n));
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
    static float[] mean(java.util.List<float[]> vectors) {
        float[] m = new float[DIMENSIONS];
        for (float[] v : vectors) {
            for (int i = 0; i < m.length; i++) {
                m[i] += v[i] / vectors.size();
            }
        }
        return m;
    }
}
