package com.autochec.document.upload;

import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.document.document.DocumentQueries;
import com.autochec.document.document.VehicleDocument;
import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploaded files' bytes in the platform's {@link ObjectStore} (file system in the local stack, S3/MinIO
 * elsewhere), one object per document under {@code documents/<documentId>}; MongoDB holds only their
 * metadata ({@link VehicleDocument.StoredImage}).
 */
@Component
class DocumentFiles {

    /** Every document file's key starts with this prefix (what an orphan cleanup would sweep). */
    static final String PREFIX = "documents/";

    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);

    private final ObjectStore objects;
    private final DocumentQueries queries;

    DocumentFiles(ObjectStore objects, DocumentQueries queries) {
        this.objects = objects;
        this.queries = queries;
    }

    /** A document's file as served: metadata from MongoDB, bytes streamed from the object store (close it). */
    record Download(String documentId, String contentType, long size, String sha256, InputStream content) {}

    /**
     * The file of a document the caller may see (staff, or the owner of its vehicle); the same 404 as a
     * missing document otherwise, and a 404 when the document has no file (imported ones).
     */
    Download download(Caller caller, String documentId) {
        return download(caller, documentId, StatedPurpose.NONE);
    }

    /** As {@link #download(Caller, String)}, a staff caller's read audited with the stated purpose. */
    Download download(Caller caller, String documentId, StatedPurpose purpose) {
        VehicleDocument document = queries.readable(caller, documentId);
        if (document.image() != null) queries.auditView(caller, document, purpose, "document file");
        ObjectStore.StoredObject object = open(document)
                .orElseThrow(() -> ApiProblem.notFound("Document " + documentId + " has no file."));
        VehicleDocument.StoredImage image = document.image();
        return new Download(document.id(), image.contentType(), object.size(), image.sha256(), object.content());
    }

    static String keyOf(String documentId) {
        return PREFIX + documentId;
    }

    /** Stores the bytes and returns once they are durable; 503 problem when the store is unavailable. */
    String put(String documentId, byte[] bytes, String contentType) {
        return put(keyOf(documentId), bytes, contentType, documentId);
    }

    private String put(String key, byte[] bytes, String contentType, String documentId) {
        try {
            objects.put(key, bytes, contentType);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Cannot store the file of document {}: {}", documentId, e.toString());
            throw ApiProblem.unavailable("The file could not be stored; try again later.");
        }
        return key;
    }

    /** Where a PDF's rendered first page (what OCR reads) is kept. */
    static String rasterKeyOf(String documentId) {
        return "document-pages/" + documentId;
    }

    void putRaster(String documentId, byte[] bytes, String contentType) {
        put(rasterKeyOf(documentId), bytes, contentType, documentId);
    }

    /** What OCR reads for a document: its image, or a PDF's rendered page. */
    Optional<ObjectStore.StoredObject> openForOcr(VehicleDocument document) {
        if (document.image() != null && "application/pdf".equals(document.image().contentType())) {
            return objects.get(rasterKeyOf(document.id()));
        }
        return open(document);
    }

    /** The stored object of a document's file (close it), if the document has one and it is there. */
    Optional<ObjectStore.StoredObject> open(VehicleDocument document) {
        VehicleDocument.StoredImage image = document.image();
        if (image == null || image.key() == null) return Optional.empty();
        Optional<ObjectStore.StoredObject> object = objects.get(image.key());
        if (object.isEmpty()) log.error("Document {} names object {} which the object store does not hold", document.id(), image.key());
        return object;
    }
}
