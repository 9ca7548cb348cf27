package com.autochec.audit.search;

import com.autochec.audit.log.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The audit log as CSV (RFC 4180, UTF-8): every text cell quoted, and a cell a spreadsheet would take for a
 * formula (starting with {@code = + - @}, a tab or a carriage return) prefixed with {@code '} (OWASP CSV injection).
 */
final class CsvExport {

    static final List<String> HEADER = List.of("sequence", "occurredAt", "action", "plate", "verdict", "reasonCodes",
            "username", "role", "organisation", "organisationKind", "purpose", "purposeText", "source", "resourceType",
            "resourceId", "outcome", "before", "after", "detail", "checkId");

    private CsvExport() {}

    static void header(Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
    }

    static void row(Writer out, AuditEntry e) throws IOException {
        var actor = e.actor();
        var d = e.details();
        String[] cells = {
            Long.toString(e.sequence()),
            e.occurredAt() == null ? null : e.occurredAt().toString(),
            e.action(),
            e.plate(),
            e.verdict(),
            e.reasonCodes() == null ? null : String.join(" ", e.reasonCodes()),
            actor == null ? null : actor.username(),
            actor == null ? null : actor.role(),
            actor == null ? null : actor.organisation(),
            actor == null ? null : actor.organisationKind(),
            e.purpose(),
            d == null ? null : d.purposeText(),
            e.source(),
            d == null ? null : d.resourceType(),
            d == null ? null : d.resourceId(),
            d == null ? null : d.outcome(),
            d == null ? null : d.before(),
            d == null ? null : d.after(),
            d == null ? null : d.detail(),
            e.checkId()
        };
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.write(',');
            out.write(i == 0 ? cells[i] : cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** One text cell: neutralised when it could start a formula, then quoted. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
