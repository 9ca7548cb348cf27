package com.autochec.verification.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A check as the API shows it. Absent fields are left out, so what a role may not see is not even
 * named (the public view has no {@code owner}, no {@code vin}). {@code plateKind} is the format of the
 * checked plate as {@code com.autochec.contracts.plate.PlateKind} names it. {@code capturedAt}: when the check
 * was made on the roadside, for a check sent late from a device's offline queue (the rules judged the documents
 * as of that instant); absent when it was sent at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResponse(
        String id,
        CheckStatus status,
        CheckSource source,
        String plate,
        String plateKind,
        String purpose,
        String purposeText,
        String verdict,
        List<ReasonView> reasons,
        VehicleView vehicle,
        List<DocumentView> documents,
        ReadingView reading,
        List<OptionView> options,
        Instant requestedAt,
        Instant completedAt,
        Instant capturedAt) {

    /**
     * One rule result: stable code, severity (INFO, WARNING, FAIL), English and French messages, and the
     * evidence it was decided from (public callers see only the dates and states, never sources or places).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ReasonView(
            String code, String severity, String message, String messageFr, java.util.Map<String, String> evidence) {}

    /**
     * A plate a NEEDS_CONFIRMATION check offers, best first: confidence, origin (READER, CONFUSABLE,
     * ONE_EDIT), whether it is registered and then the vehicle's make, model and colour (public data).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionView(
            String plate, double confidence, String origin, boolean registered, String make, String model, String colour) {}

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
