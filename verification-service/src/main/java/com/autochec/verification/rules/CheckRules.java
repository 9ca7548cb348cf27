package com.autochec.verification.rules;

import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.plate.PlateKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validity rules of a check, following France's rules (PRODUCT.md, "France"). Pure: the day of the
 * check is given, nothing is read from the clock or from storage. Every family gives one result at
 * least (INFO when all is well), in this order: administrative status, insurance, technical inspection,
 * taxes, plate, registration certificate. Only documents an admin validated with confirmed dates count.
 * Codes: {@code docs/rules.md}.
 */
public final class CheckRules {

    /** A validity ending within this many days (inclusive) raises a warning. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    /** How long a WW temporary registration is valid when no end date is confirmed on its certificate. */
    public static final int TEMPORARY_PLATE_MONTHS = 1;

    static final String SOURCE_REGISTRY = "registry";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CheckRules() {}

    /** Runs every rule for the vehicle and its documents on {@code today}. */
    public static Verdict evaluate(VehicleFacts vehicle, List<DocumentFacts> documents, LocalDate today) {
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(today, "today");
        List<DocumentFacts> docs = documents == null ? List.of() : documents;
        List<Reason> reasons = new ArrayList<>();
        reasons.addAll(administrativeStatus(vehicle));
        mileage(vehicle).ifPresent(reasons::add);
        reasons.add(insurance(docs, today));
        reasons.add(inspection(vehicle, docs, today));
        reasons.add(taxes(vehicle, docs, today));
        reasons.add(plate(vehicle, docs, today));
        reasons.addAll(registration(vehicle, docs, today));
        return Verdict.of(reasons);
    }

    static List<Reason> administrativeStatus(VehicleFacts vehicle) {
        List<Reason> reasons = new ArrayList<>();
        for (AdministrativeStatus status : AdministrativeStatus.values()) {
            if (vehicle.statuses().contains(status.name())) {
                reasons.add(status.reason());
            }
        }
        return reasons;
    }

    /**
     * {@code MILEAGE_ROLLBACK} (WARNING) when the registry flags an odometer reading lower than an earlier one: a
     * clocked odometer, or a typing error the registry should correct. Evidence: the readings, oldest first.
     */
    static Optional<Reason> mileage(VehicleFacts vehicle) {
        if (!vehicle.mileageRollback()) {
            return Optional.empty();
        }
        String readings = vehicle.mileage().stream()
                .map(m -> m.date() + " " + m.km() + " km" + (m.rollback() ? " (recul / rollback)" : ""))
                .collect(java.util.stream.Collectors.joining("; "));
        VehicleFacts.Mileage back = vehicle.mileage().stream().filter(VehicleFacts.Mileage::rollback).reduce((a, b) -> b)
                .orElse(null);
        return Optional.of(Reason.of("MILEAGE_ROLLBACK", Severity.WARNING,
                "Le compteur kilométrique a reculé"
                        + (back == null ? "" : " (" + back.km() + " km le " + back.date() + ")")
                        + " : compteur trafiqué ou relevé erroné, vérifiez l'historique d'entretien.",
                "The odometer went back"
                        + (back == null ? "" : " (" + back.km() + " km on " + back.date() + ")")
                        + ": a clocked odometer or a wrong reading; check the service history.",
                "readings", readings.isEmpty() ? null : readings,
                "rollbackKm", back == null ? null : back.km(),
                "rollbackDate", back == null ? null : back.date(),
                "source", "registry"));
    }

    /** Three-state: valid (maybe expiring), expired, unknown; always with its source and "as of". */
    static Reason insurance(List<DocumentFacts> docs, LocalDate today) {
        List<DocumentFacts> insurances = ofType(docs, DocumentType.INSURANCE);
        Optional<DocumentFacts> current = insurances.stream()
                .filter(d -> d.inForceOn(today))
                .max(Comparator.comparing(DocumentFacts::validUntil));
        if (current.isPresent()) {
            DocumentFacts d = current.get();
            if (!d.validUntil().isAfter(today.plusDays(EXPIRY_WARNING_DAYS))) {
                return Reason.of("INSURANCE_EXPIRING_SOON", Severity.WARNING,
                        "L'assurance expire le " + JOUR.format(d.validUntil()) + ", dans moins de "
                                + EXPIRY_WARNING_DAYS + " jours.",
                        "The insurance expires on " + DAY.format(d.validUntil()) + ", within "
                                + EXPIRY_WARNING_DAYS + " days.",
                        evidence(d, "state", "VALID"));
            }
            return Reason.of("INSURANCE_VALID", Severity.INFO,
                    "Assuré jusqu'au " + JOUR.format(d.validUntil()) + ".",
                    "Insured until " + DAY.format(d.validUntil()) + ".",
                    evidence(d, "state", "VALID"));
        }
        Optional<DocumentFacts> lastExpired = insurances.stream()
                .filter(d -> d.expiredOn(today))
                .max(Comparator.comparing(DocumentFacts::validUntil));
        if (lastExpired.isPresent()) {
            DocumentFacts d = lastExpired.get();
            return Reason.of("INSURANCE_EXPIRED", Severity.FAIL,
                    "L'assurance a expiré le " + JOUR.format(d.validUntil()) + ".",
                    "The insurance expired on " + DAY.format(d.validUntil()) + ".",
                    evidence(d, "state", "INVALID"));
        }
        long unconfirmed = insurances.stream().filter(d -> !d.confirmed()).count();
        return Reason.of("INSURANCE_UNKNOWN", Severity.WARNING,
                "Aucune attestation d'assurance validée avec des dates confirmées : l'assurance est inconnue, "
                        + "interrogez le fichier des véhicules assurés (FVA).",
                "No validated insurance certificate with confirmed dates: insurance is unknown; query the "
                        + "insured-vehicles file (FVA).",
                "state", "UNKNOWN",
                "source", "documents",
                "asOf", DAY.format(today),
                "unconfirmedDocuments", unconfirmed == 0 ? null : unconfirmed);
    }

    /** By category and age: not yet due, valid, due soon, overdue, counter-visit pending, failed. */
    static Reason inspection(VehicleFacts vehicle, List<DocumentFacts> docs, LocalDate today) {
        InspectionSchedule schedule = InspectionSchedule.of(vehicle.category());
        Optional<DocumentFacts> last = ofType(docs, DocumentType.INSPECTION).stream()
                .filter(DocumentFacts::confirmed)
                .max(Comparator.comparing((DocumentFacts d) -> d.validFrom() == null ? d.validUntil() : d.validFrom())
                        .thenComparing(DocumentFacts::validUntil));
        LocalDate firstRegistration = vehicle.firstRegistration();
        if (last.isEmpty()) {
            if (firstRegistration == null) {
                return Reason.of("INSPECTION_UNKNOWN", Severity.WARNING,
                        "Date de première immatriculation inconnue et aucun contrôle technique validé : "
                                + "l'échéance du contrôle technique est inconnue.",
                        "Unknown first registration and no validated inspection: the inspection's due date is unknown.",
                        "category", vehicle.category(), "schedule", schedule.name());
            }
            LocalDate firstDue = firstRegistration.plusYears(schedule.firstYears());
            if (today.isBefore(firstDue.minusDays(EXPIRY_WARNING_DAYS))) {
                return Reason.of("INSPECTION_NOT_YET_DUE", Severity.INFO,
                        "Premier contrôle technique pas encore dû : à faire avant le " + JOUR.format(firstDue) + ".",
                        "First technical inspection not yet due: due by " + DAY.format(firstDue) + ".",
                        "firstRegistration", firstRegistration, "category", vehicle.category(),
                        "schedule", schedule.name(), "dueDate", firstDue);
            }
            if (!today.isAfter(firstDue)) {
                return Reason.of("INSPECTION_DUE_SOON", Severity.WARNING,
                        "Premier contrôle technique à faire avant le " + JOUR.format(firstDue) + ".",
                        "First technical inspection due by " + DAY.format(firstDue) + ".",
                        "firstRegistration", firstRegistration, "category", vehicle.category(),
                        "schedule", schedule.name(), "dueDate", firstDue);
            }
            return Reason.of("INSPECTION_MISSING", Severity.FAIL,
                    "Aucun contrôle technique validé alors qu'il était dû le " + JOUR.format(firstDue) + ".",
                    "No validated technical inspection although one was due on " + DAY.format(firstDue) + ".",
                    "firstRegistration", firstRegistration, "category", vehicle.category(),
                    "schedule", schedule.name(), "dueDate", firstDue);
        }
        DocumentFacts ct = last.get();
        LocalDate visit = ct.validFrom() == null ? ct.validUntil() : ct.validFrom();
        if (ct.critical()) {
            return Reason.of("INSPECTION_FAILED", Severity.FAIL,
                    "Contrôle technique du " + JOUR.format(visit) + " défavorable pour défaillance critique : "
                            + "le véhicule ne peut plus circuler.",
                    "Technical inspection of " + DAY.format(visit) + " failed with a critical defect: the vehicle "
                            + "may no longer be driven.",
                    evidence(ct, "result", ct.result(), "inspectionDate", visit));
        }
        if (ct.unfavourable()) {
            LocalDate deadline = visit.plusMonths(InspectionSchedule.COUNTER_VISIT_MONTHS);
            if (!today.isAfter(deadline)) {
                return Reason.of("INSPECTION_COUNTER_VISIT_PENDING", Severity.WARNING,
                        "Contrôle technique du " + JOUR.format(visit) + " défavorable : contre-visite à passer avant le "
                                + JOUR.format(deadline) + ".",
                        "Technical inspection of " + DAY.format(visit) + " unfavourable: a counter-visit is due by "
                                + DAY.format(deadline) + ".",
                        evidence(ct, "result", ct.result(), "inspectionDate", visit, "deadline", deadline));
            }
            return Reason.of("INSPECTION_FAILED", Severity.FAIL,
                    "Contrôle technique du " + JOUR.format(visit) + " défavorable et contre-visite non passée avant le "
                            + JOUR.format(deadline) + ".",
                    "Technical inspection of " + DAY.format(visit) + " unfavourable and no counter-visit by "
                            + DAY.format(deadline) + ".",
                    evidence(ct, "result", ct.result(), "inspectionDate", visit, "deadline", deadline));
        }
        LocalDate due = ct.validUntil();
        if (due.isBefore(today)) {
            return Reason.of("INSPECTION_EXPIRED", Severity.FAIL,
                    "Contrôle technique en retard : il était dû le " + JOUR.format(due) + ".",
                    "The technical inspection is overdue: it expired on " + DAY.format(due) + ".",
                    evidence(ct, "result", ct.result(), "inspectionDate", visit, "dueDate", due));
        }
        if (!due.isAfter(today.plusDays(EXPIRY_WARNING_DAYS))) {
            return Reason.of("INSPECTION_DUE_SOON", Severity.WARNING,
                    "Prochain contrôle technique à faire avant le " + JOUR.format(due) + ".",
                    "Next technical inspection due by " + DAY.format(due) + ".",
                    evidence(ct, "result", ct.result(), "inspectionDate", visit, "dueDate", due));
        }
        return Reason.of("INSPECTION_VALID", Severity.INFO,
                "Contrôle technique valide jusqu'au " + JOUR.format(due) + ".",
                "Technical inspection valid until " + DAY.format(due) + ".",
                evidence(ct, "result", ct.result(), "inspectionDate", visit, "dueDate", due));
    }

    /**
     * "Tax paid" = registration taxes paid (once, when the registration certificate was issued: a vehicle in
     * the registry has paid them) and, for company vehicles only, the annual tax of the current year. There
     * is no annual road tax for private cars: they never get "tax unpaid" for lack of a tax document.
     */
    static Reason taxes(VehicleFacts vehicle, List<DocumentFacts> docs, LocalDate today) {
        if (!vehicle.company()) {
            return Reason.of("TAX_PAID", Severity.INFO,
                    "Taxes d'immatriculation acquittées à la délivrance du certificat ; pas de taxe annuelle pour "
                            + "un véhicule de particulier.",
                    "Registration taxes paid when the certificate was issued; no annual tax for a private vehicle.",
                    "registrationTaxes", "PAID", "annualTax", "NOT_APPLICABLE", "ownerKind", vehicle.ownerKind(),
                    "source", SOURCE_REGISTRY);
        }
        int year = today.getYear();
        Optional<DocumentFacts> receipt = docs.stream()
                .filter(DocumentFacts::tax)
                .filter(DocumentFacts::confirmed)
                .filter(d -> d.validUntil().getYear() == year || d.inForceOn(today))
                .max(Comparator.comparing(DocumentFacts::validUntil));
        if (receipt.isPresent()) {
            return Reason.of("TAX_PAID", Severity.INFO,
                    "Taxes d'immatriculation acquittées ; taxe annuelle " + year + " du véhicule de société payée.",
                    "Registration taxes paid; the company vehicle's " + year + " annual tax is paid.",
                    evidence(receipt.get(), "registrationTaxes", "PAID", "annualTax", "PAID", "year", year,
                            "ownerKind", vehicle.ownerKind()));
        }
        return Reason.of("TAX_ANNUAL_UNPAID", Severity.WARNING,
                "Véhicule de société : aucun justificatif validé de la taxe annuelle " + year + ".",
                "Company vehicle: no validated receipt of the " + year + " annual tax.",
                "registrationTaxes", "PAID", "annualTax", "UNPAID", "year", year, "ownerKind", vehicle.ownerKind(),
                "source", "documents", "asOf", DAY.format(today));
    }

    /** The plate's format is valid for its kind; a WW temporary plate past its validity fails. */
    static Reason plate(VehicleFacts vehicle, List<DocumentFacts> docs, LocalDate today) {
        Optional<Plate> parsed = vehicle.plate() == null ? Optional.empty() : Plate.tryParse(vehicle.plate());
        if (parsed.isEmpty() || !parsed.get().isFrench()) {
            return Reason.of("PLATE_FORMAT_INVALID", Severity.WARNING,
                    "La plaque " + vehicle.plate() + " enregistrée n'a pas de format français.",
                    "The registered plate " + vehicle.plate() + " has no French format.",
                    "plate", vehicle.plate());
        }
        Plate plate = parsed.get();
        PlateKind kind = plate.kind();
        if (kind == PlateKind.SIV_TEMPORARY) {
            Optional<DocumentFacts> certificate = ofType(docs, DocumentType.REGISTRATION).stream()
                    .filter(DocumentFacts::validated)
                    .max(Comparator.comparing(d -> d.validFrom() == null ? LocalDate.MIN : d.validFrom()));
            LocalDate until = certificate.map(DocumentFacts::validUntil).orElse(null);
            String basis = "certificate";
            if (until == null) {
                LocalDate issued = certificate.map(DocumentFacts::validFrom).orElse(vehicle.firstRegistration());
                until = issued == null ? null : issued.plusMonths(TEMPORARY_PLATE_MONTHS);
                basis = "issued+" + TEMPORARY_PLATE_MONTHS + "M";
            }
            if (until == null) {
                return Reason.of("PLATE_TEMPORARY", Severity.WARNING,
                        "Plaque WW provisoire dont la fin de validité est inconnue.",
                        "Temporary WW plate whose end of validity is unknown.",
                        "plate", plate.value(), "kind", kind);
            }
            if (until.isBefore(today)) {
                return Reason.of("PLATE_TEMPORARY_EXPIRED", Severity.FAIL,
                        "Plaque WW provisoire expirée le " + JOUR.format(until) + ".",
                        "Temporary WW plate expired on " + DAY.format(until) + ".",
                        "plate", plate.value(), "kind", kind, "validUntil", until, "basis", basis);
            }
            return Reason.of("PLATE_TEMPORARY", Severity.INFO,
                    "Plaque WW provisoire valable jusqu'au " + JOUR.format(until) + ".",
                    "Temporary WW plate valid until " + DAY.format(until) + ".",
                    "plate", plate.value(), "kind", kind, "validUntil", until, "basis", basis);
        }
        if (kind == PlateKind.SIV && !plate.isIssuable()) {
            return Reason.of("PLATE_NOT_ISSUABLE", Severity.WARNING,
                    "La plaque " + plate.value() + " contient des lettres ou une série (I, O, U, SS, WW) que le SIV n'attribue pas.",
                    "Plate " + plate.value() + " has letters or a series (I, O, U, SS, WW) the SIV does not issue.",
                    "plate", plate.value(), "kind", kind);
        }
        if (kind == PlateKind.GARAGE) {
            return Reason.of("PLATE_GARAGE", Severity.INFO,
                    "Plaque W garage : réservée aux professionnels de l'automobile.",
                    "W garage plate: for motor-trade professionals only.",
                    "plate", plate.value(), "kind", kind);
        }
        return Reason.of("PLATE_FORMAT_VALID", Severity.INFO,
                "Plaque au format " + kind.name() + " valide.",
                "Plate in a valid " + kind.name() + " format.",
                "plate", plate.value(), "kind", kind);
    }

    /**
     * Registration certificate ↔ plate ↔ VIN: a validated certificate (documents are joined to the vehicle by
     * VIN) naming another plate or VIN fails; any other validated document in force naming another plate
     * warns (a cloned plate or a forged document).
     */
    static List<Reason> registration(VehicleFacts vehicle, List<DocumentFacts> docs, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        String plate = canonical(vehicle.plate());
        boolean consistentCertificate = false;
        for (DocumentFacts doc : docs) {
            boolean certificate = doc.type() == DocumentType.REGISTRATION;
            if (!doc.validated() || (!certificate && !doc.inForceOn(today))) {
                continue;
            }
            String docPlate = doc.plate() == null || doc.plate().isBlank() ? null : canonical(doc.plate());
            boolean plateDiffers = docPlate != null && plate != null && !docPlate.equals(plate);
            boolean vinDiffers = certificate && doc.vin() != null && vehicle.vin() != null && !doc.vin().equals(vehicle.vin());
            if (certificate && (plateDiffers || vinDiffers)) {
                reasons.add(Reason.of("REGISTRATION_MISMATCH", Severity.FAIL,
                        "Le certificat d'immatriculation validé ne correspond pas au véhicule ("
                                + (plateDiffers ? "plaque " + docPlate : "VIN " + doc.vin()) + ").",
                        "The validated registration certificate does not match the vehicle ("
                                + (plateDiffers ? "plate " + docPlate : "VIN " + doc.vin()) + ").",
                        evidence(doc, "certificatePlate", docPlate, "registryPlate", plate,
                                "certificateVin", doc.vin(), "registryVin", vehicle.vin())));
            } else if (certificate) {
                consistentCertificate = true;
            } else if (plateDiffers) {
                reasons.add(Reason.of("DOCUMENT_PLATE_MISMATCH", Severity.WARNING,
                        "Un document validé (" + humanType(doc.type()) + ") mentionne la plaque " + docPlate
                                + " au lieu de " + plate + ".",
                        "A validated " + humanType(doc.type()) + " document names plate " + docPlate + " instead of "
                                + plate + ".",
                        evidence(doc, "documentPlate", docPlate, "registryPlate", plate)));
            }
        }
        if (consistentCertificate && reasons.stream().noneMatch(r -> r.code().equals("REGISTRATION_MISMATCH"))) {
            reasons.add(0, Reason.of("REGISTRATION_CONSISTENT", Severity.INFO,
                    "Certificat d'immatriculation, plaque et VIN concordent.",
                    "Registration certificate, plate and VIN agree.",
                    "plate", plate, "vin", vehicle.vin()));
        }
        return reasons;
    }

    private static Object[] evidence(DocumentFacts d, Object... more) {
        Object[] base = {
            "source", d.source(),
            "asOf", d.asOf(),
            "validFrom", d.validFrom(),
            "validUntil", d.validUntil()
        };
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(base, 0, all, more.length, base.length);
        return all;
    }

    private static String canonical(String plate) {
        return plate == null ? null : Plate.tryParse(plate).map(Plate::value).orElse(plate);
    }

    private static List<DocumentFacts> ofType(List<DocumentFacts> docs, DocumentType type) {
        return docs.stream().filter(d -> d.type() == type).toList();
    }

    private static String humanType(DocumentType type) {
        return type == null ? "unknown" : type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
