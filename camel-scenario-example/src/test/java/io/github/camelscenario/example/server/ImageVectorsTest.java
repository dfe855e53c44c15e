package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The picture an asset is rendered as gives back the asset's stored vector. */
class ImageVectorsTest {

    private final int[] grid = AssetGenerator.grid(0x2E6B30, 0xD23C32, new SplittableRandom(1));

    @Test
    void renderedPicturesHaveTheStoredVector() {
        float[] stored = ImageVectors.ofGrid(grid);
        assertThat(ImageVectors.ofImage(ImageRenderer.render(grid, ImageRenderer.IMAGE_SIZE))).containsExactly(stored);
        assertThat(ImageVectors.ofImage(ImageRenderer.render(grid, ImageRenderer.THUMBNAIL_SIZE))).containsExactly(stored);
        assertThat(ImageVectors.cosine(stored, stored)).isCloseTo(1.0, within(1e-6));
        assertThat(ImageVectors.cosine(grid, stored, ImageVectors.norm(stored))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void averagesCellsOfPicturesWhoseSizeIsNotAMultipleOfFour() {
        BufferedImage odd = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                odd.setRGB(x, y, 0xFFFFFF);
            }
        }
        float[] v = ImageVectors.ofImage(odd);
        for (float f : v) {
            assertThat(f).isEqualTo(1f);
        }
    }

    @Test
    void tellsDifferentPicturesApart() {
        float[] forestRed = ImageVectors.ofGrid(grid);
        float[] oceanBlue = ImageVectors.ofGrid(AssetGenerator.grid(0x1F5C99, 0x3366E0, new SplittableRandom(2)));
        float[] forestRedAgain = ImageVectors.ofGrid(AssetGenerator.grid(0x2E6B30, 0xD23C32, new SplittableRandom(3)));
        assertThat(ImageVectors.cosine(forestRed, forestRedAgain)).isGreaterThan(ImageVectors.cosine(forestRed, oceanBlue));
    }
}
