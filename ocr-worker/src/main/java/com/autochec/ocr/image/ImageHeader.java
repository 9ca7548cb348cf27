package com.autochec.ocr.image;

/**
 * What an image declares in its header, read without decoding a single pixel: format, dimensions and
 * (for JPEG) the EXIF orientation. This is what lets the worker refuse a decompression bomb — a small
 * file declaring 50,000 × 50,000 pixels — before asking a decoder to allocate it.
 */
record ImageHeader(ImageFormat format, long width, long height, int orientation) {

    long pixels() {
        return width * height;
    }

    static ImageHeader read(byte[] b) {
        ImageFormat format = ImageFormat.sniff(b);
        try {
            return switch (format) {
                case JPEG -> jpeg(b);
                case PNG -> png(b);
                case BMP -> bmp(b);
                case WEBP -> webp(b);
                case UNKNOWN -> throw new ImageRejectedException(FailureReason.NOT_AN_IMAGE,
                        "the record is not a JPEG, PNG, BMP or WebP image");
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "truncated " + format + " header");
        }
    }

    private static ImageHeader png(byte[] b) {
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "PNG without IHDR chunk");
        }
        return checked(new ImageHeader(ImageFormat.PNG, u32be(b, 16), u32be(b, 20), 1));
    }

    private static ImageHeader bmp(byte[] b) {
        long headerSize = u32le(b, 14);
        if (headerSize == 12) {
            return checked(new ImageHeader(ImageFormat.BMP, u16le(b, 18), u16le(b, 20), 1));
        }
        long w = Math.abs((int) u32le(b, 18));
        long h = Math.abs((int) u32le(b, 22));
        return checked(new ImageHeader(ImageFormat.BMP, w, h, 1));
    }

    private static ImageHeader webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> checked(new ImageHeader(ImageFormat.WEBP, u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF, 1));
            case "VP8L" -> {
                int b0 = b[21] & 0xFF, b1 = b[22] & 0xFF, b2 = b[23] & 0xFF, b3 = b[24] & 0xFF;
                long w = 1 + (((b1 & 0x3F) << 8) | b0);
                long h = 1 + (((b3 & 0x0F) << 10) | (b2 << 2) | ((b1 & 0xC0) >> 6));
                yield checked(new ImageHeader(ImageFormat.WEBP, w, h, 1));
            }
            case "VP8X" -> checked(new ImageHeader(ImageFormat.WEBP, 1 + u24le(b, 24), 1 + u24le(b, 27), 1));
            default -> throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "unknown WebP chunk");
        };
    }

    private static ImageHeader jpeg(byte[] b) {
        int orientation = 1;
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "corrupt JPEG marker at " + i);
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break;
            }
            int len = u16be(b, i + 2);
            if (len < 2) {
                throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "corrupt JPEG segment length");
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                long h = u16be(b, i + 5);
                long w = u16be(b, i + 7);
                return checked(new ImageHeader(ImageFormat.JPEG, w, h, orientation));
            }
            if (marker == 0xE1 && len >= 16 && b[i + 4] == 'E' && b[i + 5] == 'x' && b[i + 6] == 'i' && b[i + 7] == 'f') {
                orientation = exifOrientation(b, i + 10, Math.min(b.length, i + 2 + len));
            }
            i += 2 + len;
        }
        throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "JPEG without a frame header");
    }

    /**
     * Whether a JPEG's entropy-coded data is followed by an end-of-image marker. Inside scan data a
     * 0xFF byte is always stuffed or a restart marker, so an {@code FF D9} after the first scan
     * header is a real end marker; a truncated upload has none.
     */
    static boolean jpegComplete(byte[] b) {
        int i = 2;
        int sos = -1;
        while (i + 3 < b.length) {
            int marker = b[i + 1] & 0xFF;
            if ((b[i] & 0xFF) != 0xFF) {
                return false;
            }
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            if (marker == 0xDA) {
                sos = i;
                break;
            }
            i += 2 + u16be(b, i + 2);
        }
        if (sos < 0) {
            return false;
        }
        for (int k = b.length - 2; k > sos; k--) {
            if ((b[k] & 0xFF) == 0xFF && (b[k + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Orientation tag (0x0112) of IFD0 in a TIFF structure starting at {@code tiff}; 1 when absent. */
    static int exifOrientation(byte[] b, int tiff, int end) {
        try {
            boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
            long ifd = little ? u32le(b, tiff + 4) : u32be(b, tiff + 4);
            int p = (int) (tiff + ifd);
            if (p + 2 > end || p < tiff) {
                return 1;
            }
            int entries = little ? u16le(b, p) : u16be(b, p);
            for (int k = 0; k < entries && p + 2 + 12 * (k + 1) <= end; k++) {
                int e = p + 2 + 12 * k;
                int tag = little ? u16le(b, e) : u16be(b, e);
                if (tag == 0x0112) {
                    int value = little ? u16le(b, e + 8) : u16be(b, e + 8);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            return 1;
        }
    }

    private static ImageHeader checked(ImageHeader header) {
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE,
                    header.format() + " header declares " + header.width() + "x" + header.height() + " pixels");
        }
        return header;
    }

    private static int u16be(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }

    private static long u24le(byte[] b, int i) {
        return ((b[i + 2] & 0xFFL) << 16) | ((b[i + 1] & 0xFFL) << 8) | (b[i] & 0xFFL);
    }

    private static long u32be(byte[] b, int i) {
        return ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFFL) << 16) | ((b[i + 2] & 0xFFL) << 8) | (b[i + 3] & 0xFFL);
    }

    private static long u32le(byte[] b, int i) {
        return ((b[i + 3] & 0xFFL) << 24) | ((b[i + 2] & 0xFFL) << 16) | ((b[i + 1] & 0xFFL) << 8) | (b[i] & 0xFFL);
    }
}
