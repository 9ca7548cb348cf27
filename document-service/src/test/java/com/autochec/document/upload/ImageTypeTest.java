package com.autochec.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageTypeTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

    @Test
    void recognisesImagesByMagicBytes() {
        assertThat(ImageType.sniff(JPEG)).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(PNG)).contains(ImageType.PNG);
        assertThat(ImageType.sniff("%PDF-1.7".getBytes())).contains(ImageType.PDF);
        assertThat(ImageType.sniff("GIF89a".getBytes())).isEmpty();
        assertThat(ImageType.sniff("PK\u0003\u0004".getBytes())).isEmpty();
        assertThat(ImageType.sniff(new byte[] {(byte) 0xFF})).isEmpty();
    }

    @Test
    void declaredTypeMustAgree() {
        assertThat(ImageType.JPEG.agreesWith("image/jpeg")).isTrue();
        assertThat(ImageType.JPEG.agreesWith(null)).isTrue();
        assertThat(ImageType.PNG.agreesWith("application/octet-stream")).isTrue();
        assertThat(ImageType.PNG.agreesWith("image/jpeg")).isFalse();
        assertThat(ImageType.PDF.agreesWith("application/pdf")).isTrue();
        assertThat(ImageType.PDF.agreesWith("image/png")).isFalse();
        assertThat(ImageType.PNG.agreesWithName("scan.PNG")).isTrue();
        assertThat(ImageType.PNG.agreesWithName("scan.pdf")).isFalse();
        assertThat(ImageType.JPEG.agreesWithName("photo.jpeg")).isTrue();
        assertThat(ImageType.JPEG.agreesWithName("photo.png")).isFalse();
        assertThat(ImageType.PDF.agreesWithName("blob")).isTrue();
        assertThat(ImageType.JPEG.agreesWith("application/pdf")).isFalse();
    }
}
