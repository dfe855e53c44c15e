package io.github.camelscenario.scenario.client;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataUrlsTest {

    @Test
    void detectsEachFormatFromItsMagicBytes() {
        assertThat(DataUrls.detectImageType(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
                .isEqualTo("image/png");
        assertThat(DataUrls.detectImageType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
                .isEqualTo("image/jpeg");
        assertThat(DataUrls.detectImageType("GIF89a...".getBytes())).isEqualTo("image/gif");
        assertThat(DataUrls.detectImageType("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo("image/webp");
        assertThat(DataUrls.detectImageType("RIFF\0\0\0\0WAVEfmt ".getBytes())).isNull();
        assertThat(DataUrls.detectImageType("%PDF-1.7".getBytes())).isNull();
        assertThat(DataUrls.detectImageType(new byte[0])).isNull();
    }

    @Test
    void roundTrips() {
        byte[] gif = "GIF87a-tiny".getBytes();
        String url = DataUrls.toDataUrl(gif);
        assertThat(url).isEqualTo("data:image/gif;base64," + Base64.getEncoder().encodeToString(gif));
        assertThat(DataUrls.decode(url)).isEqualTo(gif);
    }

    @Test
    void tooLargeImageIsRefusedWithTheLimit() {
        byte[] huge = new byte[DataUrls.MAX_IMAGE_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertThatThrownBy(() -> DataUrls.toDataUrl(huge))
                .hasMessageContaining("image/jpeg").hasMessageContaining(String.valueOf(DataUrls.MAX_IMAGE_BYTES));
    }

    @Test
    void malformedDataUrlsSayWhy() {
        assertThatThrownBy(() -> DataUrls.decode("data:image/png,notbase64")).hasMessageContaining("data:image/<type>");
        assertThatThrownBy(() -> DataUrls.decode("data:image/png;base64,@@@")).hasMessageContaining("data:image/<type>");
        assertThatThrownBy(() -> DataUrls.decode("data:image/png;base64,abcde")).hasMessageContaining("does not decode");
    }
}
