package com.autochec.document.upload;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An uploaded image (at most 10 MB, so one BSON document), keyed by its document id. */
@Document("files")
record StoredFile(@Id String id, String contentType, long size, String sha256, byte[] data, Instant uploadedAt) {}
