package com.autochec.document.upload;

import com.autochec.document.config.DocumentProperties;
import com.autochec.platform.problem.ApiProblem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Checks an upload's image before anything is stored and gives OCR a raster image: JPEG and PNG are checked
 * for their declared dimensions (read from the header, nothing decoded), a PDF's first page is rendered with
 * PDFBox at {@link #DPI} to PNG. Limits make bombs a 4xx: at most {@code maxPdfPages} pages, a page or
 * embedded image of at most {@code maxRenderPixels} pixels, PDFBox's memory bounded, no encrypted PDF.
 */
@Component
class PageRenderer {

    static final float DPI = 200;

    private final DocumentProperties properties;

    PageRenderer(DocumentProperties properties) {
        this.properties = properties;
    }

    /** What goes to OCR: the bytes and their media type. */
    record Raster(byte[] bytes, String mediaType) {}

    Raster forOcr(ImageType type, byte[] bytes) {
        return switch (type) {
            case JPEG, PNG -> {
                checkImageHeader(bytes);
                yield new Raster(bytes, type.mediaType());
            }
            case PDF -> new Raster(renderFirstPage(bytes), ImageType.PNG.mediaType());
        };
    }

    private void checkImageHeader(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw corrupt("The image cannot be read.");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0) throw corrupt("The image has no pixels.");
                if (pixels > properties.maxRenderPixels()) {
                    throw ApiProblem.payloadTooLarge("The image has " + pixels + " pixels; at most "
                            + properties.maxRenderPixels() + " are accepted.");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw corrupt("The image is corrupt: " + e.getMessage());
        }
    }

    byte[] renderFirstPage(byte[] bytes) {
        long memory = Math.max(64L * 1024 * 1024, 8 * properties.maxImageBytes());
        try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(memory).streamCache)) {
            if (pdf.isEncrypted()) throw ApiProblem.unprocessable("Encrypted PDFs are not accepted.");
            int pages = pdf.getNumberOfPages();
            if (pages == 0) throw corrupt("The PDF has no page.");
            if (pages > properties.maxPdfPages()) {
                throw ApiProblem.payloadTooLarge("The PDF has " + pages + " pages; at most " + properties.maxPdfPages()
                        + " are accepted.");
            }
            PDPage page = pdf.getPage(0);
            PDRectangle box = page.getCropBox();
            long pixels = (long) Math.ceil(box.getWidth() / 72 * DPI) * (long) Math.ceil(box.getHeight() / 72 * DPI);
            if (pixels <= 0 || pixels > properties.maxRenderPixels()) {
                throw ApiProblem.payloadTooLarge("The PDF page is too large to render (" + pixels + " pixels).");
            }
            checkEmbeddedImages(page.getResources(), 0);
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, org.apache.pdfbox.rendering.ImageType.GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) throw problem;
            throw corrupt("The PDF cannot be read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw ApiProblem.payloadTooLarge("The PDF is too large to render.");
        }
    }

    private void checkEmbeddedImages(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) return;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > properties.maxRenderPixels()) {
                    throw ApiProblem.payloadTooLarge("The PDF holds an image of " + pixels + " pixels; at most "
                            + properties.maxRenderPixels() + " are accepted.");
                }
            } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                checkEmbeddedImages(form.getResources(), depth + 1);
            }
        }
    }

    private static ApiProblem corrupt(String detail) {
        return ApiProblem.unprocessable(detail);
    }
}
