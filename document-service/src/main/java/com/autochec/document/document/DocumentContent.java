package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.LocalDate;

/** The business data of a document (what DocumentStateChanged carries), without bookkeeping. */
public record DocumentContent(
        String vin,
        String plate,
        DocumentType type,
        DocumentStatus status,
        String issuer,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        String result) {}
