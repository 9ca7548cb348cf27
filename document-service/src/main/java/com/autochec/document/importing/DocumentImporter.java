package com.autochec.document.importing;

import com.autochec.document.document.DocumentChanged;
import com.autochec.document.document.DocumentContent;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.DocumentStateOutbox;
import com.autochec.document.document.VehicleDocument;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.stereotype.Service;

/**
 * Upserts documents from CSV by {@code document_id}. Bad rows are reported and skipped; identical rows
 * change nothing and publish nothing; created and changed documents carry a new outbox entry.
 */
@Service
class DocumentImporter {

    static final int CHUNK = 1000;

    private final DocumentStore store;
    private final Clock clock;
    private final DocumentStateOutbox outbox;
    private final ApplicationEventPublisher events;

    DocumentImporter(DocumentStore store, Clock clock, DocumentStateOutbox outbox, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.outbox = outbox;
        this.events = events;
    }

    ImportReport importCsv(String text, Caller caller) {
        List<CsvReader.Record> records = CsvReader.read(text);
        if (records.isEmpty()) throw ApiProblem.validation("file", "the CSV is empty");
        List<String> header = records.get(0).fields().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        List<String> missing = DocumentRow.HEADER.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.validation("file", "missing columns " + String.join(", ", missing)
                    + " (expected " + String.join(",", DocumentRow.HEADER) + ")");
        }

        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Numbered> valid = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                errors.add(new ImportReport.RowError(record.line(),
                        "expected " + header.size() + " columns, found " + record.fields().size()));
                continue;
            }
            Map<String, String> raw = new HashMap<>();
            for (int i = 0; i < header.size(); i++) raw.put(header.get(i), record.fields().get(i));
            DocumentRow.Parsed parsed = DocumentRow.parse(raw);
            if (parsed.row() == null) {
                errors.add(new ImportReport.RowError(record.line(), String.join("; ", parsed.problems())));
                continue;
            }
            Integer first = seen.putIfAbsent(parsed.row().documentId(), record.line());
            if (first != null) {
                errors.add(new ImportReport.RowError(record.line(),
                        "duplicate document_id " + parsed.row().documentId() + " (first on line " + first + ")"));
                continue;
            }
            valid.add(new Numbered(record.line(), parsed.row()));
        }

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int from = 0; from < valid.size(); from += CHUNK) {
            Counts counts = importChunk(valid.subList(from, Math.min(valid.size(), from + CHUNK)), caller, errors);
            created += counts.created;
            updated += counts.updated;
            unchanged += counts.unchanged;
            // Let the relay publish this chunk while the next one is written.
            if (counts.created + counts.updated > 0) outbox.kick();
        }
        errors.sort(Comparator.comparingInt(ImportReport.RowError::line));
        if (created + updated > 0) events.publishEvent(new DocumentChanged(null));
        return new ImportReport(created, updated, unchanged, errors);
    }

    private Counts importChunk(List<Numbered> rows, Caller caller, List<ImportReport.RowError> errors) {
        Map<String, VehicleDocument> existing = store.findByIds(rows.stream().map(r -> r.row.documentId()).toList())
                .stream()
                .collect(Collectors.toMap(VehicleDocument::id, Function.identity()));
        Instant now = clock.instant();
        Map<String, Numbered> lines = new LinkedHashMap<>();
        List<VehicleDocument> inserts = new ArrayList<>();
        List<DocumentStore.Change> replacements = new ArrayList<>();
        Counts counts = new Counts();
        for (Numbered n : rows) {
            VehicleDocument current = existing.get(n.row.documentId());
            lines.put(n.row.documentId(), n);
            if (current == null) {
                inserts.add(created(n.row, caller, now));
            } else if (current.content().equals(n.row.content())) {
                counts.unchanged++;
            } else {
                replacements.add(new DocumentStore.Change(current.outbox() == null ? null : current.outbox().eventId(),
                        changed(current, n.row.content(), now)));
            }
        }
        Set<String> failed = new HashSet<>();
        try {
            store.bulkWrite(inserts, replacements);
        } catch (BulkOperationException e) {
            List<VehicleDocument> all = new ArrayList<>(inserts);
            replacements.forEach(c -> all.add(c.next()));
            e.getErrors().forEach(err -> failed.add(all.get(err.getIndex()).id()));
        }
        for (VehicleDocument doc : inserts) {
            if (failed.contains(doc.id())) concurrent(errors, lines.get(doc.id()));
            else counts.created++;
        }
        if (!replacements.isEmpty()) {
            Map<String, VehicleDocument> after = store.findByIds(replacements.stream().map(c -> c.next().id()).toList())
                    .stream()
                    .collect(Collectors.toMap(VehicleDocument::id, Function.identity()));
            for (DocumentStore.Change change : replacements) {
                VehicleDocument doc = change.next();
                VehicleDocument stored = after.get(doc.id());
                boolean applied = stored != null && stored.outbox() != null
                        && doc.outbox().eventId().equals(stored.outbox().eventId());
                if (applied) counts.updated++;
                else concurrent(errors, lines.get(doc.id()));
            }
        }
        return counts;
    }

    private static void concurrent(List<ImportReport.RowError> errors, Numbered n) {
        errors.add(new ImportReport.RowError(n.line, "document " + n.row.documentId() + " was changed concurrently; import it again"));
    }

    static VehicleDocument created(DocumentRow row, Caller caller, Instant now) {
        DocumentContent c = row.content();
        return new VehicleDocument(row.documentId(), c.vin(), c.plate(), c.type(), c.status(), c.issuer(), c.reference(),
                c.validFrom(), c.validUntil(), c.result(), VehicleDocument.Source.IMPORT, caller.subject(), null, null,
                List.of(), null, 1, now, now, new VehicleDocument.Outbox(UUID.randomUUID().toString(), 1, now, false),
                null, null);
    }

    static VehicleDocument changed(VehicleDocument d, DocumentContent c, Instant now) {
        long next = d.version() + 1;
        return new VehicleDocument(d.id(), c.vin(), c.plate(), c.type(), c.status(), c.issuer(), c.reference(),
                c.validFrom(), c.validUntil(), c.result(), d.source(), d.uploadedBy(), d.image(), d.extraction(),
                d.readEventIds() == null ? List.of() : d.readEventIds(), d.review(), next, d.createdAt(), now,
                new VehicleDocument.Outbox(UUID.randomUUID().toString(), next, now, false), d.purpose(), d.purposeText());
    }

    private record Numbered(int line, DocumentRow row) {}

    private static final class Counts {
        int created;
        int updated;
        int unchanged;
    }
}
