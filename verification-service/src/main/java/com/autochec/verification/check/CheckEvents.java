package com.autochec.verification.check;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.verification.check.CheckDocument.CheckedDocument;
import com.autochec.verification.check.CheckDocument.CheckedVehicle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code CheckCompleted} event of a completed check, built from the stored check only. */
final class CheckEvents {

    private CheckEvents() {}

    static CheckCompleted completed(CheckDocument check) {
        CheckDocument.Requester r = check.requester();
        CheckedVehicle v = check.vehicle();
        return new CheckCompleted(
                check.outbox().eventId(),
                check.completedAt(),
                check.id(),
                check.requestedAt(),
                check.source().name(),
                check.plate(),
                check.verdict(),
                check.reasons() == null
                        ? List.of()
                        : check.reasons().stream()
                                .map(x -> new CheckCompleted.Reason(
                                        x.code(), x.severity().name(), x.message(), x.messageFr(),
                                        x.evidence() == null || x.evidence().isEmpty() ? null : x.evidence()))
                                .toList(),
                new CheckCompleted.Requester(
                        r.subject(), r.username(), r.role().claim(), r.organisation(), r.organisationKind()),
                check.purpose(),
                v == null
                        ? null
                        : new CheckCompleted.CheckedVehicle(
                                v.vehicleId(),
                                v.vin(),
                                v.make(),
                                v.model(),
                                v.year(),
                                v.colour(),
                                v.fuel(),
                                v.owner() == null ? null : v.owner().name(),
                                v.owner() == null ? null : v.owner().town(),
                                v.owner() == null ? null : v.owner().accountId()),
                validityByType(check.documents()),
                check.reading() == null
                        ? null
                        : new CheckCompleted.PlateReading(
                                check.reading().text(), check.reading().confidence(), check.reading().engine()),
                check.purposeText(),
                location(check.observed()),
                check.capturedAt());
    }

    private static CheckCompleted.Location location(CheckDocument.Observed observed) {
        return observed == null || observed.lat() == null || observed.lon() == null
                ? null
                : new CheckCompleted.Location(observed.lat(), observed.lon());
    }

    /** One entry per document type: valid if any document of that type is valid, with its end date. */
    static List<CheckCompleted.DocumentValidity> validityByType(List<CheckedDocument> documents) {
        if (documents == null) {
            return List.of();
        }
        Map<String, CheckedDocument> best = new LinkedHashMap<>();
        for (CheckedDocument d : documents) {
            best.merge(d.type(), d, CheckEvents::better);
        }
        return best.values().stream()
                .map(d -> new CheckCompleted.DocumentValidity(
                        d.type(), d.valid(), d.validUntil() == null ? null : d.validUntil().toString()))
                .toList();
    }

    private static CheckedDocument better(CheckedDocument a, CheckedDocument b) {
        if (a.valid() != b.valid()) {
            return a.valid() ? a : b;
        }
        if (a.validUntil() == null) {
            return a;
        }
        if (b.validUntil() == null) {
            return b;
        }
        return b.validUntil().isAfter(a.validUntil()) ? b : a;
    }
}
