package com.autochec.verification.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A check as the API shows it. Absent fields are left out, so what a role may not see is not even
 * named (the public view has no {@code owner}, no {@code vin}). {@code plateKind} is the format of the
 * checked plate as {@code com.autochec.contracts.plate.PlateKind} names it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResponse(
        String id,
        CheckStatus status,
        CheckSource source,
        String plate,
        String plateKind,
        String purpose,
        String verdict,
        List<ReasonView> reasons,
        VehicleView vehicle,
        List<DocumentView> documents,
        ReadingView reading,
        Instant requestedAt,
        Instant completedAt) {

    /** {@code messageFr}: the French message, for the reasons that tell the person what to do next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReasonView(String code, String severity, String message, String messageFr) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VehicleView(
            String plate,
            String make,
            String model,
            String variant,
            Integer year,
            String colour,
            String category,
            String fuel,
            LocalDate firstRegistration,
            String vin,
            Integer fiscalPower,
            Integer powerKw,
            Boolean stolen,
            OwnerView owner) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OwnerView(String kind, String name, String street, String postalCode, String town, String email) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentView(
            String type, String status, boolean valid, LocalDate validUntil, String issuer, String reference) {}

    public record ReadingView(String text, double confidence, String engine, List<CandidateView> candidates) {}

    public record CandidateView(String text, double confidence) {}
}
