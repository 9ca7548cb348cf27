package com.autochec.document.upload;

import java.util.Locale;
import java.util.Optional;

/** Accepted file formats, recognised by their magic bytes, never by the declared type or the file name. */
enum ImageType {
    JPEG("image/jpeg", ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", ".pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    ImageType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
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

    static Optional<ImageType> ofMediaType(String contentType) {
        if (contentType == null) return Optional.empty();
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (ImageType type : values()) if (type.mediaType.equals(base)) return Optional.of(type);
        return Optional.empty();
    }

    /**
     * Whether the declared media type agrees with the sniffed one: absent, generic binary, or the same type
     * (image/jpg accepted as an alias).
     */
    boolean agreesWith(String declared) {
        if (declared == null || declared.isBlank()) return true;
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals("application/octet-stream")) return true;
        if (this == JPEG && (base.equals("image/jpeg") || base.equals("image/jpg") || base.equals("image/pjpeg"))) return true;
        if (this == PDF && (base.equals("application/pdf") || base.equals("application/x-pdf"))) return true;
        return this == PNG && base.equals("image/png");
    }

    /** Whether the file name's extension (if any) names this type: a PNG renamed {@code .pdf} is refused. */
    boolean agreesWithName(String filename) {
        if (filename == null || filename.isBlank() || filename.lastIndexOf('.') < 0) return true;
        String ext = filename.substring(filename.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        return switch (this) {
            case JPEG -> ext.equals(".jpg") || ext.equals(".jpeg") || ext.equals(".jpe") || ext.equals(".jfif");
            case PNG -> ext.equals(".png");
            case PDF -> ext.equals(".pdf");
        } || !(ext.equals(".jpg") || ext.equals(".jpeg") || ext.equals(".png") || ext.equals(".pdf")
                || ext.equals(".gif") || ext.equals(".tif") || ext.equals(".tiff") || ext.equals(".bmp")
                || ext.equals(".webp") || ext.equals(".heic") || ext.equals(".doc") || ext.equals(".docx")
                || ext.equals(".exe") || ext.equals(".zip") || ext.equals(".txt") || ext.equals(".html"));
    }
}
