package com.autochec.audit.search;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/audit} answer, newest first. */
record AuditPage(List<Item> items, int page, int size, long total) {

    record Item(
            long sequence,
            Instant occurredAt,
            String action,
            String checkId,
            String plate,
            String verdict,
            List<String> reasonCodes,
            Actor actor,
            String purpose,
            String purposeLabel,
            String source,
            String purposeText,
            Boolean personData,
            String resourceType,
            String resourceId,
            String outcome,
            String before,
            String after,
            String detail,
            Instant redactedAt) {}

    record Actor(String username, String role, String organisation, String organisationKind) {}
}
