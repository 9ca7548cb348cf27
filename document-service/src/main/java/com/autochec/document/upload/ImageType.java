package com.autochec.document.upload;

import java.util.Optional;

/** Accepted image formats, recognised by their magic bytes, never by the declared type alone. */
enum ImageType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mediaType;
    private final byte[] magic;

    ImageType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<ImageType> sniff(byte[] bytes) {
        for (ImageType type : values()) {
            if (bytes.length >= type.magic.length) {
                boolean match = true;
                for (int i = 0; i < type.magic.length && match; i++) match = bytes[i] == type.magic[i];
                if (match) return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the declared media type agrees with the sniffed one: absent, generic binary, or the same
     * image type (image/jpg accepted as an alias).
     */
    boolean agreesWith(String declared) {
        if (declared == null || declared.isBlank()) return true;
        String base = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (base.equals("application/octet-stream")) return true;
        if (this == JPEG && (base.equals("image/jpeg") || base.equals("image/jpg") || base.equals("image/pjpeg"))) return true;
        return this == PNG && base.equals("image/png");
    }
}
