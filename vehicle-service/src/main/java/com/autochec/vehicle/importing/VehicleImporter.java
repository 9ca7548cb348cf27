package com.autochec.vehicle.importing;

import com.autochec.vehicle.registry.StolenReport;
import com.autochec.vehicle.registry.VehicleChangesSaved;
import com.autochec.vehicle.registry.VehicleDocument;
import com.autochec.vehicle.registry.VehicleStore;
import com.mongodb.bulk.BulkWriteError;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.stereotype.Service;

/**
 * Upserts vehicles by VIN from the CSV. Existing vehicles are loaded in a few {@code $in} queries and
 * all inserts and replacements go in one unordered bulk write, so 10,000 rows take seconds. A bad row
 * is reported and skipped; an identical row changes nothing and publishes nothing.
 */
@Service
class VehicleImporter {

    private static final Logger log = LoggerFactory.getLogger(VehicleImporter.class);
    private static final int LOOKUP_CHUNK = 1000;

    private final VehicleStore store;
    private final VehicleCsv csv;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    VehicleImporter(VehicleStore store, Validator validator, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.csv = new VehicleCsv(validator);
        this.clock = clock;
        this.events = events;
    }

    ImportReport importCsv(String text) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        VehicleCsv.Parsed parsed = csv.parse(text);
        long parsedAt = System.nanoTime();
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<VehicleRow> rows = withoutDuplicates(parsed.rows(), errors);

        Map<String, VehicleDocument> byVin = new HashMap<>();
        Map<String, VehicleDocument> byPlate = new HashMap<>();
        load(rows.stream().map(r -> r.data().vin()).toList(), true, byVin, byPlate);
        load(rows.stream().map(r -> r.data().plate()).toList(), false, byVin, byPlate);

        long loadedAt = System.nanoTime();
        BulkOperations bulk = store.mongo().bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleDocument.class);
        List<Write> writes = new ArrayList<>();
        int unchanged = 0;
        for (VehicleRow row : rows) {
            VehicleDocument existing = byVin.get(row.data().vin());
            VehicleDocument holder = byPlate.get(row.data().plate());
            if (holder != null && !holder.vin().equals(row.data().vin())) {
                errors.add(new RowError(
                        row.line(),
                        "plate: " + row.data().plate() + " is registered to another vehicle (VIN " + holder.vin() + ")"));
                continue;
            }
            if (existing == null) {
                StolenReport report = Boolean.TRUE.equals(row.stolen())
                        ? new StolenReport(now, VehicleDocument.IMPORT_REPORTER, null)
                        : null;
                VehicleDocument created = VehicleDocument.create(row.data(), report, now);
                bulk.insert(created.importRecord(row.statuses(), row.mileage(), now, true).orElse(created));
                writes.add(new Write(row.line(), true));
                continue;
            }
            Optional<VehicleDocument> applied =
                    existing.apply(row.data(), row.stolen(), VehicleDocument.IMPORT_REPORTER, now);
            VehicleDocument base = applied.orElse(existing);
            Optional<VehicleDocument> next = base
                    .importRecord(row.statuses(), row.mileage(), now, applied.isPresent())
                    .or(() -> applied);
            if (next.isEmpty()) {
                unchanged++;
                continue;
            }
            bulk.replaceOne(VehicleStore.atVersion(existing.id(), existing.version()), next.get());
            writes.add(new Write(row.line(), false));
        }

        Set<Integer> failed = execute(bulk, writes, errors);
        int created = 0;
        int updated = 0;
        for (int i = 0; i < writes.size(); i++) {
            if (!failed.contains(i)) {
                if (writes.get(i).insert()) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        if (created + updated > 0) {
            events.publishEvent(new VehicleChangesSaved(created + updated));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        log.info(
                "Vehicle import: {} created, {} updated, {} unchanged, {} errors; parse {} ms, lookup {} ms, write {} ms",
                created,
                updated,
                unchanged,
                errors.size(),
                (parsedAt - started) / 1_000_000,
                (loadedAt - parsedAt) / 1_000_000,
                (System.nanoTime() - loadedAt) / 1_000_000);
        return new ImportReport(created, updated, unchanged, errors);
    }

    /** Within one file a VIN may appear once and a plate may belong to one VIN; later rows are errors. */
    private static List<VehicleRow> withoutDuplicates(List<VehicleRow> rows, List<RowError> errors) {
        Map<String, Integer> vinLines = new HashMap<>();
        Map<String, VehicleRow> plateRows = new HashMap<>();
        List<VehicleRow> kept = new ArrayList<>(rows.size());
        for (VehicleRow row : rows) {
            Integer vinLine = vinLines.get(row.data().vin());
            if (vinLine != null) {
                errors.add(new RowError(row.line(), "vin: " + row.data().vin() + " already appears on line " + vinLine));
                continue;
            }
            VehicleRow plateRow = plateRows.get(row.data().plate());
            if (plateRow != null) {
                errors.add(new RowError(
                        row.line(),
                        "plate: " + row.data().plate() + " already used by VIN " + plateRow.data().vin() + " on line "
                                + plateRow.line()));
                continue;
            }
            vinLines.put(row.data().vin(), row.line());
            plateRows.put(row.data().plate(), row);
            kept.add(row);
        }
        return kept;
    }

    private void load(
            List<String> keys, boolean vins, Map<String, VehicleDocument> byVin, Map<String, VehicleDocument> byPlate) {
        for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
            List<VehicleDocument> found = vins ? store.findByVins(chunk) : store.findByPlates(chunk);
            for (VehicleDocument vehicle : found) {
                byVin.put(vehicle.vin(), vehicle);
                byPlate.put(vehicle.plate(), vehicle);
            }
        }
    }

    /** Runs the bulk write; returns the indexes of writes that failed (reported as row errors). */
    private static Set<Integer> execute(BulkOperations bulk, List<Write> writes, List<RowError> errors) {
        Set<Integer> failed = new HashSet<>();
        if (writes.isEmpty()) {
            return failed;
        }
        try {
            var result = bulk.execute();
            int expectedUpdates = (int) writes.stream().filter(w -> !w.insert()).count();
            if (result.getMatchedCount() < expectedUpdates) {
                // A vehicle changed between our read and our write; we cannot tell which from the counts.
                errors.add(new RowError(0, (expectedUpdates - result.getMatchedCount())
                        + " vehicle(s) were changed concurrently and not updated; import the file again"));
            }
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                failed.add(error.getIndex());
                Write write = writes.get(error.getIndex());
                String message = error.getCode() == 11000
                        ? "conflict: another vehicle has this plate or VIN"
                        : "not saved: " + error.getMessage();
                errors.add(new RowError(write.line(), message));
            }
        }
        return failed;
    }

    private record Write(int line, boolean insert) {}
}
