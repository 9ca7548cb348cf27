package com.autochec.verification.rules;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.document.DocumentType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validity and fraud rules of a check. Pure: the day of the check is given, nothing is read from
 * the clock or from storage.
 */
public final class CheckRules {

    /** An insurance ending within this many days (inclusive) raises a warning. */
    static final int INSURANCE_WARNING_DAYS = 30;

    /** Vehicles first registered less than this many years ago need no technical inspection. */
    static final int INSPECTION_EXEMPT_YEARS = 4;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private CheckRules() {}

    /** Runs every rule for the vehicle and its documents on {@code today}. */
    public static Verdict evaluate(VehicleFacts vehicle, List<DocumentFacts> documents, LocalDate today) {
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(today, "today");
        List<DocumentFacts> docs = documents == null ? List.of() : documents;
        List<Reason> reasons = new ArrayList<>();
        if (vehicle.stolen()) {
            reasons.add(new Reason(
                    "REPORTED_STOLEN", Severity.FAIL, "This vehicle has been reported stolen."));
        }
        insurance(docs, today).ifPresent(reasons::add);
        inspection(vehicle, docs, today).ifPresent(reasons::add);
        roadTax(docs, today).ifPresent(reasons::add);
        reasons.addAll(plateMismatches(vehicle, docs, today));
        return Verdict.of(reasons);
    }

    static Optional<Reason> insurance(List<DocumentFacts> docs, LocalDate today) {
        List<DocumentFacts> insurances = ofType(docs, DocumentType.INSURANCE);
        Optional<DocumentFacts> current = insurances.stream()
                .filter(d -> d.inForceOn(today))
                .max(Comparator.comparing(d -> d.validUntil() == null ? LocalDate.MAX : d.validUntil()));
        if (current.isPresent()) {
            LocalDate until = current.get().validUntil();
            if (until != null && !until.isAfter(today.plusDays(INSURANCE_WARNING_DAYS))) {
                return Optional.of(new Reason(
                        "INSURANCE_EXPIRING_SOON",
                        Severity.WARNING,
                        "The insurance expires on " + DAY.format(until) + ", within " + INSURANCE_WARNING_DAYS
                                + " days."));
            }
            return Optional.empty();
        }
        Optional<LocalDate> lastExpired = insurances.stream()
                .filter(d -> d.expiredOn(today))
                .map(DocumentFacts::validUntil)
                .max(Comparator.naturalOrder());
        if (lastExpired.isPresent()) {
            return Optional.of(new Reason(
                    "INSURANCE_EXPIRED",
                    Severity.FAIL,
                    "The insurance expired on " + DAY.format(lastExpired.get()) + "."));
        }
        return Optional.of(new Reason(
                "INSURANCE_MISSING", Severity.FAIL, "No validated insurance certificate is on record."));
    }

    static Optional<Reason> inspection(VehicleFacts vehicle, List<DocumentFacts> docs, LocalDate today) {
        LocalDate firstRegistration = vehicle.firstRegistration();
        if (firstRegistration != null && firstRegistration.plusYears(INSPECTION_EXEMPT_YEARS).isAfter(today)) {
            return Optional.empty();
        }
        List<DocumentFacts> current = ofType(docs, DocumentType.INSPECTION).stream()
                .filter(d -> d.inForceOn(today))
                .toList();
        if (current.stream().anyMatch(d -> !d.unfavourable())) {
            return Optional.empty();
        }
        if (!current.isEmpty()) {
            return Optional.of(new Reason(
                    "INSPECTION_UNFAVOURABLE",
                    Severity.WARNING,
                    "The last technical inspection was unfavourable; a counter-visit is pending."));
        }
        Optional<LocalDate> lastExpired = ofType(docs, DocumentType.INSPECTION).stream()
                .filter(d -> d.expiredOn(today))
                .map(DocumentFacts::validUntil)
                .max(Comparator.naturalOrder());
        if (lastExpired.isPresent()) {
            return Optional.of(new Reason(
                    "INSPECTION_EXPIRED",
                    Severity.FAIL,
                    "The technical inspection expired on " + DAY.format(lastExpired.get()) + "."));
        }
        return Optional.of(new Reason(
                "INSPECTION_MISSING",
                Severity.FAIL,
                "No validated technical inspection is on record although the vehicle is more than "
                        + INSPECTION_EXEMPT_YEARS + " years old."));
    }

    static Optional<Reason> roadTax(List<DocumentFacts> docs, LocalDate today) {
        boolean paid = ofType(docs, DocumentType.ROAD_TAX).stream().anyMatch(d -> d.inForceOn(today));
        if (paid) {
            return Optional.empty();
        }
        return Optional.of(new Reason(
                "ROAD_TAX_UNPAID", Severity.WARNING, "No validated road tax receipt covers today."));
    }

    /**
     * Fraud signal: a document in force that names another plate than the vehicle's (documents are
     * joined to the vehicle by VIN, so a different plate hints at a cloned plate or a forged document).
     */
    static List<Reason> plateMismatches(VehicleFacts vehicle, List<DocumentFacts> docs, LocalDate today) {
        if (vehicle.plate() == null) {
            return List.of();
        }
        List<Reason> reasons = new ArrayList<>();
        for (DocumentFacts doc : docs) {
            if (doc.plate() == null || doc.plate().isBlank() || !doc.inForceOn(today)) {
                continue;
            }
            String docPlate = Plate.tryParse(doc.plate()).map(Plate::value).orElse(doc.plate());
            if (!docPlate.equals(vehicle.plate())) {
                reasons.add(new Reason(
                        "DOCUMENT_PLATE_MISMATCH",
                        Severity.WARNING,
                        "A validated " + humanType(doc.type()) + " document names plate " + docPlate
                                + " instead of " + vehicle.plate() + "."));
            }
        }
        return reasons;
    }

    private static List<DocumentFacts> ofType(List<DocumentFacts> docs, DocumentType type) {
        return docs.stream().filter(d -> d.type() == type).toList();
    }

    private static String humanType(DocumentType type) {
        return type == null ? "unknown" : type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
