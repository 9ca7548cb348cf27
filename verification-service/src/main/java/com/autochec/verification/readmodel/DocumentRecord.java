package com.autochec.verification.readmodel;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One vehicle document of the read model ({@code documents}), projected from {@code DocumentStateChanged}. */
@Document(DocumentRecord.COLLECTION)
public record DocumentRecord(
        @Id String documentId,
        long version,
        String vin,
        String plate,
        DocumentType type,
        DocumentStatus status,
        String issuer,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        String result,
        Instant updatedAt) {

    static final String COLLECTION = "documents";
}
