package com.autochec.verification.check;

import com.autochec.platform.security.Role;
import com.autochec.contracts.plate.Plate;
import com.autochec.verification.check.CheckDocument.CheckedDocument;
import com.autochec.verification.check.CheckDocument.CheckedVehicle;
import com.autochec.verification.check.CheckDocument.Owner;
import com.autochec.verification.check.CheckDocument.Requester;
import com.autochec.verification.check.CheckResponse.CandidateView;
import com.autochec.verification.check.CheckResponse.DocumentView;
import com.autochec.verification.check.CheckResponse.OwnerView;
import com.autochec.verification.check.CheckResponse.ReadingView;
import com.autochec.verification.check.CheckResponse.ReasonView;
import com.autochec.verification.check.CheckResponse.VehicleView;
import com.autochec.verification.check.CheckResponse.OptionView;
import com.autochec.verification.rules.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the person who made a check may see of it. Decided from the requester's role and whether
 * they hold the vehicle: public → technical data only, no person data at all; agent → + VIN, power,
 * owner's name and town; the vehicle's owner and admin → everything.
 */
final class CheckViews {

    enum Level {
        PUBLIC,
        AGENT,
        FULL
    }

    private CheckViews() {}

    static Level level(Requester requester, CheckedVehicle vehicle) {
        if (requester == null) {
            return Level.PUBLIC;
        }
        if (requester.role() == Role.ADMIN) {
            return Level.FULL;
        }
        if (requester.subject() != null
                && vehicle != null
                && vehicle.owner() != null
                && requester.subject().equals(vehicle.owner().accountId())) {
            return Level.FULL;
        }
        return requester.role() == Role.AGENT ? Level.AGENT : Level.PUBLIC;
    }

    /** The kind of a checked plate ({@code SIV}, {@code FNI}, {@code FOREIGN_OR_UNKNOWN}…), null when there is none. */
    static String plateKind(String plate) {
        return plate == null ? null : Plate.tryParse(plate).map(p -> p.kind().name()).orElse(null);
    }

    static CheckResponse render(CheckDocument check) {
        Level level = level(check.requester(), check.vehicle());
        return new CheckResponse(
                check.id(),
                check.status(),
                check.source(),
                check.plate(),
                plateKind(check.plate()),
                check.purpose(),
                check.purposeText(),
                check.verdict(),
                check.reasons() == null
                        ? null
                        : check.reasons().stream()
                                .map(r -> new ReasonView(
                                        r.code(), r.severity().name(), r.message(), r.messageFr(), evidence(r, level)))
                                .toList(),
                vehicle(check.vehicle(), level),
                documents(check.documents(), level),
                reading(check.reading()),
                check.status() == CheckStatus.NEEDS_CONFIRMATION && check.options() != null
                        ? check.options().stream()
                                .map(o -> new OptionView(
                                        o.plate(), o.confidence(), o.origin(), o.registered(), o.make(), o.model(),
                                        o.colour()))
                                .toList()
                        : null,
                check.requestedAt(),
                check.completedAt(),
                check.capturedAt());
    }

    /** Evidence keys a public caller may see: dates, states and the compared public attributes. */
    static final Set<String> PUBLIC_EVIDENCE = Set.of(
            "state", "validFrom", "validUntil", "asOf", "dueDate", "deadline", "inspectionDate", "firstRegistration",
            "category", "schedule", "result", "registrationTaxes", "annualTax", "year", "ownerKind", "kind", "plate",
            "status", "observed", "observedFamily", "registered", "registeredFamily", "attribute", "read", "confirmed",
            "offered", "confidence", "options", "failure", "deadlineSeconds", "readings", "rollbackKm", "rollbackDate");

    static Map<String, String> evidence(Reason reason, Level level) {
        Map<String, String> evidence = reason.evidence();
        if (evidence == null || evidence.isEmpty()) {
            return null;
        }
        if (level != Level.PUBLIC) {
            return evidence;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        evidence.forEach((k, v) -> {
            if (PUBLIC_EVIDENCE.contains(k) && !(k.equals("registered") && reason.code().startsWith("VIN"))) {
                shown.put(k, v);
            }
        });
        return shown.isEmpty() ? null : shown;
    }

    /** Where a check is: RECEIVED, READING, VERIFYING, NEEDS_CONFIRMATION, COMPLETED or FAILED (unreadable). */
    static String stage(CheckDocument check) {
        return switch (check.status()) {
            case PENDING -> check.imagePublished() ? CheckProgress.READING : CheckProgress.RECEIVED;
            case NEEDS_CONFIRMATION -> CheckProgress.NEEDS_CONFIRMATION;
            case COMPLETED -> CheckService.UNREADABLE.equals(check.verdict()) ? CheckProgress.FAILED : CheckProgress.COMPLETED;
        };
    }

    static VehicleView vehicle(CheckedVehicle v, Level level) {
        if (v == null) {
            return null;
        }
        return switch (level) {
            case PUBLIC -> new VehicleView(
                    v.plate(), v.make(), v.model(), v.variant(), v.year(), v.colour(), v.category(), v.fuel(),
                    v.firstRegistration(), null, null, null, null, null);
            case AGENT -> new VehicleView(
                    v.plate(), v.make(), v.model(), v.variant(), v.year(), v.colour(), v.category(), v.fuel(),
                    v.firstRegistration(), v.vin(), v.fiscalPower(), v.powerKw(), null, agentOwner(v.owner()));
            case FULL -> new VehicleView(
                    v.plate(), v.make(), v.model(), v.variant(), v.year(), v.colour(), v.category(), v.fuel(),
                    v.firstRegistration(), v.vin(), v.fiscalPower(), v.powerKw(), v.stolen(), fullOwner(v.owner()));
        };
    }

    private static OwnerView agentOwner(Owner o) {
        return o == null ? null : new OwnerView(null, o.name(), null, null, o.town(), null);
    }

    private static OwnerView fullOwner(Owner o) {
        return o == null ? null : new OwnerView(o.kind(), o.name(), o.street(), o.postalCode(), o.town(), o.email());
    }

    static List<DocumentView> documents(List<CheckedDocument> documents, Level level) {
        if (documents == null) {
            return null;
        }
        boolean details = level != Level.PUBLIC;
        return documents.stream()
                .map(d -> new DocumentView(
                        d.type(),
                        d.status(),
                        d.valid(),
                        d.validUntil(),
                        details ? d.issuer() : null,
                        details ? d.reference() : null))
                .toList();
    }

    private static ReadingView reading(CheckDocument.Reading r) {
        if (r == null) {
            return null;
        }
        return new ReadingView(
                r.text(),
                r.confidence(),
                r.engine(),
                r.candidates() == null
                        ? List.of()
                        : r.candidates().stream()
                                .map(c -> new CandidateView(c.text(), c.confidence()))
                                .toList());
    }
}
