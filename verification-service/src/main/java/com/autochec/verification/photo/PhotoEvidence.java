package com.autochec.verification.photo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The photo of a photo check, kept as evidence ({@code photos}, one per check, id = check id). */
@Document(PhotoEvidence.COLLECTION)
record PhotoEvidence(@Id String checkId, String contentType, long size, byte[] data, Instant storedAt) {

    static final String COLLECTION = "photos";
}
