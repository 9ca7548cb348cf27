package com.autochec.contracts.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentStateChangedTest {

    static DocumentStateChanged former(DocumentStatus status, LocalDate until) {
        return new DocumentStateChanged("e", Instant.EPOCH, "d", 1, "VIN", "AB-123-CD", DocumentType.INSURANCE, status,
                "MAIF", "P", until == null ? null : until.minusYears(1), until, null, false);
    }

    @Test
    void theFormerConstructorConfirmsOnlyValidatedDates() {
        DocumentStateChanged validated = former(DocumentStatus.VALIDATED, LocalDate.of(2026, 12, 31));
        assertTrue(validated.datesConfirmed());
        assertNull(validated.confirmedAt());
        assertEquals(List.of(), validated.flags());
        assertFalse(former(DocumentStatus.PENDING, LocalDate.of(2026, 12, 31)).datesConfirmed());
        assertFalse(former(DocumentStatus.VALIDATED, null).datesConfirmed());
    }

    @Test
    void flagsAreNeverNull() {
        var event = new DocumentStateChanged("e", Instant.EPOCH, "d", 1, "VIN", null, DocumentType.INSPECTION,
                DocumentStatus.PENDING, null, null, null, null, null, false, false, null, "UPLOAD", null);
        assertEquals(List.of(), event.flags());
    }
}
