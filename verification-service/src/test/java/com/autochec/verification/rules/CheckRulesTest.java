package com.autochec.verification.rules;

import static com.autochec.contracts.document.DocumentStatus.PENDING;
import static com.autochec.contracts.document.DocumentStatus.REJECTED;
import static com.autochec.contracts.document.DocumentStatus.VALIDATED;
import static com.autochec.contracts.document.DocumentType.INSPECTION;
import static com.autochec.contracts.document.DocumentType.INSURANCE;
import static com.autochec.contracts.document.DocumentType.REGISTRATION;
import static com.autochec.contracts.document.DocumentType.ROAD_TAX;
import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule, table-driven, on a fixed day (15 March 2026, Paris). */
class CheckRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final String PLATE = "AB-123-CD";
    private static final String VIN = "VF3ABCDEF12345678";

    private static VehicleFacts car(int yearsOld) {
        return new VehicleFacts(PLATE, VIN, "M1", TODAY.minusYears(yearsOld), "PERSON", Set.of());
    }

    private static VehicleFacts vehicle(String plate, String category, LocalDate firstRegistration, String ownerKind, String... statuses) {
        return new VehicleFacts(plate, VIN, category, firstRegistration, ownerKind, Set.of(statuses));
    }

    private static DocumentFacts doc(DocumentType type, DocumentStatus status, LocalDate from, LocalDate until) {
        return new DocumentFacts("d-" + type, type, status, VIN, PLATE, "Issuer", "REF", from, until, null, TODAY.minusDays(3));
    }

    private static DocumentFacts insurance(LocalDate until) {
        return doc(INSURANCE, VALIDATED, until.minusYears(1), until);
    }

    private static DocumentFacts ct(LocalDate visit, LocalDate nextDue, String result) {
        return new DocumentFacts("ct", INSPECTION, VALIDATED, VIN, PLATE, "Dekra", "PV1", visit, nextDue, result, TODAY.minusDays(3));
    }

    private static DocumentFacts registration(String plate, String vin) {
        return new DocumentFacts("reg", REGISTRATION, VALIDATED, vin, plate, "ANTS", "2020AB12345", TODAY.minusYears(6), null, null, null);
    }

    private static Reason only(List<Reason> reasons, String prefix) {
        return reasons.stream().filter(r -> r.code().startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no " + prefix + " reason in " + reasons));
    }

    static Stream<Arguments> insurance() {
        return Stream.of(
                Arguments.of("valid for months", List.of(insurance(TODAY.plusMonths(6))), "INSURANCE_VALID", Severity.INFO),
                Arguments.of("ends today: valid, expiring", List.of(insurance(TODAY)), "INSURANCE_EXPIRING_SOON", Severity.WARNING),
                Arguments.of("ends in 30 days", List.of(insurance(TODAY.plusDays(30))), "INSURANCE_EXPIRING_SOON", Severity.WARNING),
                Arguments.of("ends in 31 days", List.of(insurance(TODAY.plusDays(31))), "INSURANCE_VALID", Severity.INFO),
                Arguments.of("expired yesterday", List.of(insurance(TODAY.minusDays(1))), "INSURANCE_EXPIRED", Severity.FAIL),
                Arguments.of("a later one hides an expiring one",
                        List.of(insurance(TODAY.plusDays(5)), insurance(TODAY.plusMonths(11))), "INSURANCE_VALID", Severity.INFO),
                Arguments.of("none", List.of(), "INSURANCE_UNKNOWN", Severity.WARNING),
                Arguments.of("pending only", List.of(doc(INSURANCE, PENDING, TODAY.minusMonths(1), TODAY.plusMonths(6))),
                        "INSURANCE_UNKNOWN", Severity.WARNING),
                Arguments.of("rejected only", List.of(doc(INSURANCE, REJECTED, TODAY.minusMonths(1), TODAY.plusMonths(6))),
                        "INSURANCE_UNKNOWN", Severity.WARNING),
                Arguments.of("validated without a confirmed end date is never valid",
                        List.of(doc(INSURANCE, VALIDATED, TODAY.minusMonths(1), null)), "INSURANCE_UNKNOWN", Severity.WARNING),
                Arguments.of("a pending renewal does not hide the expired one",
                        List.of(insurance(TODAY.minusDays(2)), doc(INSURANCE, PENDING, TODAY, TODAY.plusYears(1))),
                        "INSURANCE_EXPIRED", Severity.FAIL),
                Arguments.of("starts in the future only", List.of(doc(INSURANCE, VALIDATED, TODAY.plusDays(1), TODAY.plusYears(1))),
                        "INSURANCE_UNKNOWN", Severity.WARNING));
    }

    @ParameterizedTest(name = "insurance: {0} → {2}")
    @MethodSource
    void insurance(String name, List<DocumentFacts> docs, String code, Severity severity) {
        Reason reason = CheckRules.insurance(docs, TODAY);
        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.severity()).isEqualTo(severity);
        assertThat(reason.evidence()).containsKeys("state", "source", "asOf");
    }

    static Stream<Arguments> inspection() {
        LocalDate recentVisit = TODAY.minusMonths(3);
        return Stream.of(
                Arguments.of("car of 2 years, no CT: not yet due", car(2), List.of(), "INSPECTION_NOT_YET_DUE", Severity.INFO),
                Arguments.of("car of 3 years 11 months, no CT: not yet due",
                        vehicle(PLATE, "M1", TODAY.minusYears(4).plusDays(40), "PERSON"), List.of(), "INSPECTION_NOT_YET_DUE", Severity.INFO),
                Arguments.of("car 4 years old in 20 days, no CT: due soon",
                        vehicle(PLATE, "M1", TODAY.minusYears(4).plusDays(20), "PERSON"), List.of(), "INSPECTION_DUE_SOON", Severity.WARNING),
                Arguments.of("car of 4 years and a day, no CT: missing",
                        vehicle(PLATE, "M1", TODAY.minusYears(4).minusDays(1), "PERSON"), List.of(), "INSPECTION_MISSING", Severity.FAIL),
                Arguments.of("motorcycle of 4.5 years, no CT: not yet due (5 years)",
                        vehicle(PLATE, "L3e", TODAY.minusYears(4).minusMonths(6), "PERSON"), List.of(), "INSPECTION_NOT_YET_DUE", Severity.INFO),
                Arguments.of("lorry of 2 years, no CT: missing (yearly)",
                        vehicle(PLATE, "N3", TODAY.minusYears(2), "COMPANY"), List.of(), "INSPECTION_MISSING", Severity.FAIL),
                Arguments.of("unknown first registration", vehicle(PLATE, "M1", null, "PERSON"), List.of(), "INSPECTION_UNKNOWN", Severity.WARNING),
                Arguments.of("favourable, due in a year", car(8), List.of(ct(recentVisit, TODAY.plusYears(1), "FAVOURABLE")),
                        "INSPECTION_VALID", Severity.INFO),
                Arguments.of("a young car with a CT anyway", car(2), List.of(ct(recentVisit, TODAY.plusYears(2), "FAVOURABLE")),
                        "INSPECTION_VALID", Severity.INFO),
                Arguments.of("favourable, due in 10 days", car(8), List.of(ct(TODAY.minusYears(2), TODAY.plusDays(10), "FAVOURABLE")),
                        "INSPECTION_DUE_SOON", Severity.WARNING),
                Arguments.of("favourable, due yesterday: overdue", car(8),
                        List.of(ct(TODAY.minusYears(2), TODAY.minusDays(1), "FAVOURABLE")), "INSPECTION_EXPIRED", Severity.FAIL),
                Arguments.of("unfavourable a month ago: counter-visit pending", car(8),
                        List.of(ct(TODAY.minusMonths(1), TODAY.minusMonths(1).plusDays(1), "UNFAVOURABLE")),
                        "INSPECTION_COUNTER_VISIT_PENDING", Severity.WARNING),
                Arguments.of("counter-visit result, 50 days ago", car(8),
                        List.of(ct(TODAY.minusDays(50), TODAY.plusDays(10), "COUNTER_VISIT")),
                        "INSPECTION_COUNTER_VISIT_PENDING", Severity.WARNING),
                Arguments.of("unfavourable 3 months ago: failed", car(8),
                        List.of(ct(TODAY.minusMonths(3), TODAY.minusMonths(3).plusDays(1), "UNFAVOURABLE")),
                        "INSPECTION_FAILED", Severity.FAIL),
                Arguments.of("critical defect: failed at once", car(8), List.of(ct(TODAY.minusDays(1), TODAY.minusDays(1), "CRITICAL")),
                        "INSPECTION_FAILED", Severity.FAIL),
                Arguments.of("a favourable counter-visit clears the unfavourable one", car(8),
                        List.of(ct(TODAY.minusMonths(1), TODAY.minusMonths(1).plusDays(1), "UNFAVOURABLE"),
                                ct(TODAY.minusDays(5), TODAY.plusYears(2), "FAVOURABLE")),
                        "INSPECTION_VALID", Severity.INFO),
                Arguments.of("a pending CT does not count", car(8),
                        List.of(new DocumentFacts(INSPECTION, PENDING, PLATE, recentVisit, TODAY.plusYears(2), "FAVOURABLE")),
                        "INSPECTION_MISSING", Severity.FAIL));
    }

    @ParameterizedTest(name = "inspection: {0} → {3}")
    @MethodSource
    void inspection(String name, VehicleFacts vehicle, List<DocumentFacts> docs, String code, Severity severity) {
        Reason reason = CheckRules.inspection(vehicle, docs, TODAY);
        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.severity()).isEqualTo(severity);
        assertThat(reason.messageFr()).isNotBlank();
    }

    @Test
    void aCounterVisitCarriesItsDeadline() {
        Reason reason = CheckRules.inspection(car(8), List.of(ct(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21), "UNFAVOURABLE")), TODAY);
        assertThat(reason.evidence()).containsEntry("deadline", "2026-04-20");
    }

    static Stream<Arguments> taxes() {
        DocumentFacts thisYear = doc(ROAD_TAX, VALIDATED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        DocumentFacts lastYear = doc(ROAD_TAX, VALIDATED, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        return Stream.of(
                Arguments.of("private car, no tax document", "PERSON", List.of(), "TAX_PAID", Severity.INFO),
                Arguments.of("private car, last year's receipt", "PERSON", List.of(lastYear), "TAX_PAID", Severity.INFO),
                Arguments.of("owner unknown: no annual tax either", null, List.of(), "TAX_PAID", Severity.INFO),
                Arguments.of("company vehicle, this year's receipt", "COMPANY", List.of(thisYear), "TAX_PAID", Severity.INFO),
                Arguments.of("company vehicle, last year's only", "COMPANY", List.of(lastYear), "TAX_ANNUAL_UNPAID", Severity.WARNING),
                Arguments.of("company vehicle, none", "COMPANY", List.of(), "TAX_ANNUAL_UNPAID", Severity.WARNING),
                Arguments.of("company vehicle, pending receipt", "COMPANY",
                        List.of(doc(ROAD_TAX, PENDING, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))),
                        "TAX_ANNUAL_UNPAID", Severity.WARNING));
    }

    @ParameterizedTest(name = "taxes: {0} → {3}")
    @MethodSource
    void taxes(String name, String ownerKind, List<DocumentFacts> docs, String code, Severity severity) {
        Reason reason = CheckRules.taxes(vehicle(PLATE, "M1", TODAY.minusYears(6), ownerKind), docs, TODAY);
        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.severity()).isEqualTo(severity);
    }

    @Test
    void aPrivateCarNeverGetsTaxUnpaid() {
        Verdict verdict = CheckRules.evaluate(car(6), List.of(insurance(TODAY.plusMonths(6)),
                ct(TODAY.minusMonths(2), TODAY.plusYears(2), "FAVOURABLE")), TODAY);
        assertThat(verdict.reasons()).extracting(Reason::code).doesNotContain("TAX_ANNUAL_UNPAID", "ROAD_TAX_UNPAID");
        assertThat(verdict.outcome()).isEqualTo("OK");
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("STOLEN", "REPORTED_STOLEN", Severity.FAIL),
                Arguments.of("GAGE", "STATUS_GAGE", Severity.WARNING),
                Arguments.of("OPPOSITION", "STATUS_OPPOSITION", Severity.WARNING),
                Arguments.of("CERTIFICATE_STOLEN", "STATUS_CERTIFICATE_STOLEN", Severity.FAIL),
                Arguments.of("CERTIFICATE_LOST", "STATUS_CERTIFICATE_LOST", Severity.WARNING),
                Arguments.of("DESTROYED", "STATUS_DESTROYED", Severity.FAIL),
                Arguments.of("EXPORTED", "STATUS_EXPORTED", Severity.FAIL));
    }

    @ParameterizedTest(name = "status {0} → {1}")
    @MethodSource
    void statuses(String status, String code, Severity severity) {
        List<Reason> reasons = CheckRules.administrativeStatus(vehicle(PLATE, "M1", TODAY.minusYears(6), "PERSON", status));
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.severity()).isEqualTo(severity);
            assertThat(r.evidence()).containsEntry("status", status);
        });
    }

    @Test
    void aMileageRollbackIsAWarningWithTheReadingsAsEvidence() {
        VehicleFacts clocked = new VehicleFacts(PLATE, VIN, "M1", TODAY.minusYears(6), "PERSON", Set.of(), true, List.of(
                new VehicleFacts.Mileage(LocalDate.of(2023, 4, 2), 85_000, false),
                new VehicleFacts.Mileage(LocalDate.of(2025, 4, 10), 42_000, true)));
        Verdict verdict = CheckRules.evaluate(clocked, List.of(insurance(TODAY.plusMonths(6)),
                ct(TODAY.minusMonths(2), TODAY.plusYears(2), "FAVOURABLE")), TODAY);
        Reason reason = verdict.reasons().stream().filter(r -> r.code().equals("MILEAGE_ROLLBACK")).findFirst().orElseThrow();
        assertThat(reason.severity()).isEqualTo(Severity.WARNING);
        assertThat(reason.evidence()).containsEntry("rollbackKm", "42000").containsEntry("rollbackDate", "2025-04-10")
                .containsEntry("readings", "2023-04-02 85000 km; 2025-04-10 42000 km (recul / rollback)");
        assertThat(reason.messageFr()).contains("compteur kilométrique a reculé", "42000 km");
        assertThat(reason.message()).contains("odometer went back");
        assertThat(verdict.outcome()).isEqualTo("WARNING");

        VehicleFacts honest = new VehicleFacts(PLATE, VIN, "M1", TODAY.minusYears(6), "PERSON", Set.of(), false, List.of(
                new VehicleFacts.Mileage(LocalDate.of(2023, 4, 2), 85_000, false)));
        assertThat(CheckRules.mileage(honest)).isEmpty();
    }

    @Test
    void aNormalVehicleHasNoStatusResult() {
        assertThat(CheckRules.administrativeStatus(car(3))).isEmpty();
    }

    static Stream<Arguments> plates() {
        DocumentFacts wwCertificate = new DocumentFacts("reg", REGISTRATION, VALIDATED, VIN, "WW-123-AB", "ANTS", "CPI",
                TODAY.minusMonths(2), TODAY.minusMonths(1), null, null);
        DocumentFacts wwCurrent = new DocumentFacts("reg", REGISTRATION, VALIDATED, VIN, "WW-123-AB", "ANTS", "CPI",
                TODAY.minusDays(10), TODAY.plusDays(20), null, null);
        return Stream.of(
                Arguments.of("SIV", "AB-123-CD", List.of(), TODAY.minusYears(2), "PLATE_FORMAT_VALID", Severity.INFO),
                Arguments.of("FNI overseas", "123-AB-971", List.of(), TODAY.minusYears(19), "PLATE_FORMAT_VALID", Severity.INFO),
                Arguments.of("FNI", "1234-AB-56", List.of(), TODAY.minusYears(19), "PLATE_FORMAT_VALID", Severity.INFO),
                Arguments.of("SIV with an O: never issued", "ST-123-OL", List.of(), TODAY.minusYears(2), "PLATE_NOT_ISSUABLE", Severity.WARNING),
                Arguments.of("SS series: never issued", "SS-123-AB", List.of(), TODAY.minusYears(2), "PLATE_NOT_ISSUABLE", Severity.WARNING),
                Arguments.of("garage W plate", "W-123-AB", List.of(), TODAY.minusYears(2), "PLATE_GARAGE", Severity.INFO),
                Arguments.of("WW past its certificate's end", "WW-123-AB", List.of(wwCertificate), TODAY.minusMonths(2),
                        "PLATE_TEMPORARY_EXPIRED", Severity.FAIL),
                Arguments.of("WW within its certificate", "WW-123-AB", List.of(wwCurrent), TODAY.minusDays(10),
                        "PLATE_TEMPORARY", Severity.INFO),
                Arguments.of("WW, no certificate, registered 3 months ago", "WW-123-AB", List.of(), TODAY.minusMonths(3),
                        "PLATE_TEMPORARY_EXPIRED", Severity.FAIL),
                Arguments.of("WW, no certificate, registered 10 days ago", "WW-123-AB", List.of(), TODAY.minusDays(10),
                        "PLATE_TEMPORARY", Severity.INFO),
                Arguments.of("foreign format in the registry", "M5XSX", List.of(), TODAY.minusYears(2), "PLATE_FORMAT_INVALID", Severity.WARNING));
    }

    @ParameterizedTest(name = "plate {0} → {4}")
    @MethodSource
    void plates(String name, String plate, List<DocumentFacts> docs, LocalDate firstRegistration, String code, Severity severity) {
        Reason reason = CheckRules.plate(vehicle(plate, "M1", firstRegistration, "PERSON"), docs, TODAY);
        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.severity()).isEqualTo(severity);
    }

    static Stream<Arguments> registration() {
        DocumentFacts otherPlateInsurance = new DocumentFacts("ins", INSURANCE, VALIDATED, VIN, "ZZ-999-ZZ", "AXA", "P1",
                TODAY.minusMonths(1), TODAY.plusMonths(11), null, null);
        return Stream.of(
                Arguments.of("certificate agrees", List.of(registration("AB 123 CD", VIN)), List.of("REGISTRATION_CONSISTENT")),
                Arguments.of("certificate names another plate", List.of(registration("ZZ-999-ZZ", VIN)), List.of("REGISTRATION_MISMATCH")),
                Arguments.of("certificate names another VIN", List.of(registration(PLATE, "WVWZZZ1JZXW000001")), List.of("REGISTRATION_MISMATCH")),
                Arguments.of("no certificate", List.of(), List.of()),
                Arguments.of("insurance naming another plate", List.of(registration(PLATE, VIN), otherPlateInsurance),
                        List.of("REGISTRATION_CONSISTENT", "DOCUMENT_PLATE_MISMATCH")));
    }

    @ParameterizedTest(name = "registration: {0}")
    @MethodSource
    void registration(String name, List<DocumentFacts> docs, List<String> codes) {
        assertThat(CheckRules.registration(car(6), docs, TODAY)).extracting(Reason::code).containsExactlyElementsOf(codes);
    }

    @Test
    void aRegistrationMismatchFails() {
        assertThat(CheckRules.registration(car(6), List.of(registration("ZZ-999-ZZ", VIN)), TODAY))
                .singleElement().extracting(Reason::severity).isEqualTo(Severity.FAIL);
    }

    @Test
    void everythingValidIsOkWithInformationOnly() {
        List<DocumentFacts> docs = new ArrayList<>(List.of(
                insurance(TODAY.plusMonths(6)), ct(TODAY.minusMonths(2), TODAY.plusYears(2), "FAVOURABLE"), registration(PLATE, VIN)));
        Verdict verdict = CheckRules.evaluate(car(8), docs, TODAY);
        assertThat(verdict.outcome()).isEqualTo("OK");
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly(
                "INSURANCE_VALID", "INSPECTION_VALID", "TAX_PAID", "PLATE_FORMAT_VALID", "REGISTRATION_CONSISTENT");
    }

    @Test
    void verdictIsTheWorstSeverityAndKeepsEveryResult() {
        List<DocumentFacts> docs = List.of(insurance(TODAY.plusDays(10)), ct(TODAY.minusMonths(2), TODAY.plusYears(2), "FAVOURABLE"));
        assertThat(CheckRules.evaluate(car(8), docs, TODAY).outcome()).isEqualTo("WARNING");
        Verdict fail = CheckRules.evaluate(vehicle(PLATE, "M1", TODAY.minusYears(8), "PERSON", "STOLEN"), docs, TODAY);
        assertThat(fail.outcome()).isEqualTo("FAIL");
        assertThat(fail.reasons()).extracting(Reason::code).startsWith("REPORTED_STOLEN", "INSURANCE_EXPIRING_SOON");
    }

    @Test
    void everyResultHasFrenchAndEnglishMessages() {
        Verdict verdict = CheckRules.evaluate(vehicle("WW-123-AB", "M1", TODAY.minusYears(8), "COMPANY", "STOLEN", "GAGE"),
                List.of(insurance(TODAY.minusDays(3))), TODAY);
        assertThat(verdict.reasons()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.message()).isNotBlank();
            assertThat(r.messageFr()).isNotBlank();
        });
    }
}
