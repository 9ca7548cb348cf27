package com.autochec.verification.photo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The metadata of a photo check's photo, kept as evidence ({@code photo_evidence}, one per check, id =
 * check id). The bytes are an object of the platform's {@code ObjectStore} under {@code key}, never in
 * MongoDB; {@code sha256} (hex) is checked when they are read back. Deleted with the object once older
 * than the retention ({@code createdAt}, index {@code created_at}).
 */
@Document(PhotoEvidence.COLLECTION)
record PhotoEvidence(@Id String checkId, String key, String contentType, long size, String sha256, Instant createdAt) {

    static final String COLLECTION = "photo_evidence";
}
