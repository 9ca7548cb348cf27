package com.autochec.report.report;

import com.autochec.contracts.check.CheckCompleted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** CheckCompleted events for tests. */
final class Checks {

    static final String AGENT_SUBJECT = "00000000-0000-4000-8000-000000000002";
    static final String ADMIN_SUBJECT = "00000000-0000-4000-8000-000000000001";

    private Checks() {}

    static CheckCompleted agentCheck(String checkId) {
        return check(checkId, new CheckCompleted.Requester(AGENT_SUBJECT, "agent", "agent", "Police nationale (démo)"),
                "FAIL");
    }

    static CheckCompleted check(String checkId, CheckCompleted.Requester requester, String verdict) {
        return new CheckCompleted(
                UUID.randomUUID().toString(),
                Instant.parse("2025-05-12T12:03:04Z"),
                checkId,
                Instant.parse("2025-05-12T12:03:00Z"),
                "PHOTO",
                "AB-123-CD",
                verdict,
                List.of(
                        new CheckCompleted.Reason("INSURANCE_EXPIRED", "FAIL", "L'assurance a expiré le 01/03/2025."),
                        new CheckCompleted.Reason("INSPECTION_DUE_SOON", "WARNING",
                                "Le contrôle technique arrive à échéance dans 12 jours.")),
                requester,
                "Contrôle routier",
                new CheckCompleted.CheckedVehicle("veh-1", "VF1RFB00X56123456", "Renault", "Clio", 2019, "Gris",
                        "Essence", "Odile Martin", "Besançon", "00000000-0000-4000-8000-000000000003"),
                List.of(
                        new CheckCompleted.DocumentValidity("INSURANCE", false, "2025-03-01"),
                        new CheckCompleted.DocumentValidity("INSPECTION", true, "2025-05-24"),
                        new CheckCompleted.DocumentValidity("REGISTRATION", true, null)),
                new CheckCompleted.PlateReading("AB-123-CD", 0.93, "ppocr-v4"));
    }
}
