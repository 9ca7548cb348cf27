package com.autochec.verification.rules;

import static com.autochec.contracts.document.DocumentStatus.PENDING;
import static com.autochec.contracts.document.DocumentStatus.REJECTED;
import static com.autochec.contracts.document.DocumentStatus.VALIDATED;
import static com.autochec.contracts.document.DocumentType.INSPECTION;
import static com.autochec.contracts.document.DocumentType.INSURANCE;
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
import org.junit.jupiter.api.Test;

class CheckRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final String PLATE = "AB-123-CD";

    private static final VehicleFacts NEW_CAR = new VehicleFacts(PLATE, TODAY.minusYears(2), false);
    private static final VehicleFacts OLD_CAR = new VehicleFacts(PLATE, TODAY.minusYears(8), false);

    private static DocumentFacts doc(DocumentType type, DocumentStatus status, LocalDate until) {
        return new DocumentFacts(type, status, PLATE, until.minusYears(1), until, null);
    }

    private static DocumentFacts inspection(LocalDate until, String result) {
        return new DocumentFacts(INSPECTION, VALIDATED, PLATE, until.minusYears(2), until, result);
    }

    /** Valid insurance, inspection and road tax: the baseline every test changes one thing of. */
    private static List<DocumentFacts> allValid() {
        return new ArrayList<>(List.of(
                doc(INSURANCE, VALIDATED, TODAY.plusMonths(6)),
                inspection(TODAY.plusYears(1), "FAVOURABLE"),
                doc(ROAD_TAX, VALIDATED, TODAY.plusMonths(6))));
    }

    private static List<String> codes(Verdict verdict) {
        return verdict.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void everythingValidIsOkWithoutReasons() {
        Verdict verdict = CheckRules.evaluate(OLD_CAR, allValid(), TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.OK);
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void noInsuranceFailsWithInsuranceMissing() {
        List<DocumentFacts> docs = allValid();
        docs.removeIf(d -> d.type() == INSURANCE);
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.FAIL);
        assertThat(codes(verdict)).containsExactly("INSURANCE_MISSING");
    }

    @Test
    void onlyExpiredInsuranceFailsWithInsuranceExpired() {
        List<DocumentFacts> docs = allValid();
        docs.set(0, doc(INSURANCE, VALIDATED, TODAY.minusDays(1)));
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.FAIL);
        assertThat(verdict.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("INSURANCE_EXPIRED");
            assertThat(r.severity()).isEqualTo(Severity.FAIL);
            assertThat(r.message()).contains(TODAY.minusDays(1).toString());
        });
    }

    @Test
    void insuranceEndingTodayIsStillValidButExpiringSoon() {
        List<DocumentFacts> docs = allValid();
        docs.set(0, doc(INSURANCE, VALIDATED, TODAY));
        assertThat(codes(CheckRules.evaluate(OLD_CAR, docs, TODAY))).containsExactly("INSURANCE_EXPIRING_SOON");
    }

    @Test
    void insuranceExpiringWithinThirtyDaysWarns() {
        List<DocumentFacts> docs = allValid();
        docs.set(0, doc(INSURANCE, VALIDATED, TODAY.plusDays(30)));
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.WARNING);
        assertThat(codes(verdict)).containsExactly("INSURANCE_EXPIRING_SOON");

        docs.set(0, doc(INSURANCE, VALIDATED, TODAY.plusDays(31)));
        assertThat(CheckRules.evaluate(OLD_CAR, docs, TODAY).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void aLaterValidInsuranceHidesAnExpiringOne() {
        List<DocumentFacts> docs = allValid();
        docs.add(doc(INSURANCE, VALIDATED, TODAY.plusDays(5)));
        assertThat(CheckRules.evaluate(OLD_CAR, docs, TODAY).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void pendingOrRejectedDocumentsDoNotCount() {
        List<DocumentFacts> docs = new ArrayList<>(List.of(
                doc(INSURANCE, PENDING, TODAY.plusMonths(6)),
                doc(INSURANCE, REJECTED, TODAY.plusMonths(6)),
                new DocumentFacts(INSPECTION, PENDING, PLATE, TODAY, TODAY.plusYears(2), "FAVOURABLE"),
                doc(ROAD_TAX, REJECTED, TODAY.plusMonths(6))));
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(codes(verdict)).containsExactly("INSURANCE_MISSING", "INSPECTION_MISSING", "ROAD_TAX_UNPAID");
        assertThat(verdict.severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void aPendingNewInsuranceDoesNotHideTheExpiredOne() {
        List<DocumentFacts> docs = allValid();
        docs.set(0, doc(INSURANCE, VALIDATED, TODAY.minusDays(3)));
        docs.add(doc(INSURANCE, PENDING, TODAY.plusYears(1)));
        assertThat(codes(CheckRules.evaluate(OLD_CAR, docs, TODAY))).containsExactly("INSURANCE_EXPIRED");
    }

    @Test
    void carsUnderFourYearsNeedNoInspection() {
        List<DocumentFacts> docs = allValid();
        docs.removeIf(d -> d.type() == INSPECTION);
        assertThat(CheckRules.evaluate(NEW_CAR, docs, TODAY).reasons()).isEmpty();

        VehicleFacts fourYearsToday = new VehicleFacts(PLATE, TODAY.minusYears(4), false);
        assertThat(codes(CheckRules.evaluate(fourYearsToday, docs, TODAY))).containsExactly("INSPECTION_MISSING");
    }

    @Test
    void expiredInspectionFails() {
        List<DocumentFacts> docs = allValid();
        docs.set(1, inspection(TODAY.minusDays(1), "FAVOURABLE"));
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.FAIL);
        assertThat(codes(verdict)).containsExactly("INSPECTION_EXPIRED");
    }

    @Test
    void missingInspectionFailsForOldCars() {
        List<DocumentFacts> docs = allValid();
        docs.remove(1);
        assertThat(codes(CheckRules.evaluate(OLD_CAR, docs, TODAY))).containsExactly("INSPECTION_MISSING");
    }

    @Test
    void unfavourableOrCounterVisitInspectionWarns() {
        for (String result : List.of("UNFAVOURABLE", "COUNTER_VISIT")) {
            List<DocumentFacts> docs = allValid();
            docs.set(1, inspection(TODAY.plusMonths(2), result));
            Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
            assertThat(verdict.severity()).as(result).isEqualTo(Severity.WARNING);
            assertThat(codes(verdict)).as(result).containsExactly("INSPECTION_UNFAVOURABLE");
        }
    }

    @Test
    void aFavourableCounterVisitClearsTheUnfavourableInspection() {
        List<DocumentFacts> docs = allValid();
        docs.add(inspection(TODAY.plusMonths(2), "UNFAVOURABLE"));
        assertThat(CheckRules.evaluate(OLD_CAR, docs, TODAY).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void missingOrExpiredRoadTaxWarns() {
        List<DocumentFacts> docs = allValid();
        docs.set(2, doc(ROAD_TAX, VALIDATED, TODAY.minusDays(1)));
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.WARNING);
        assertThat(codes(verdict)).containsExactly("ROAD_TAX_UNPAID");

        docs.remove(2);
        assertThat(codes(CheckRules.evaluate(OLD_CAR, docs, TODAY))).containsExactly("ROAD_TAX_UNPAID");
    }

    @Test
    void stolenVehicleFails() {
        Verdict verdict = CheckRules.evaluate(new VehicleFacts(PLATE, TODAY.minusYears(8), true), allValid(), TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.FAIL);
        assertThat(codes(verdict)).containsExactly("REPORTED_STOLEN");
    }

    @Test
    void aDocumentNamingAnotherPlateIsAFraudWarning() {
        List<DocumentFacts> docs = allValid();
        docs.set(0, new DocumentFacts(INSURANCE, VALIDATED, "zz 999 zz", TODAY.minusMonths(1), TODAY.plusMonths(6), null));
        Verdict verdict = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(verdict.severity()).isEqualTo(Severity.WARNING);
        assertThat(verdict.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("DOCUMENT_PLATE_MISMATCH");
            assertThat(r.message()).contains("ZZ-999-ZZ").contains(PLATE);
        });
    }

    @Test
    void verdictIsTheWorstSeverityAndKeepsEveryReason() {
        List<DocumentFacts> docs = allValid();
        docs.set(0, doc(INSURANCE, VALIDATED, TODAY.plusDays(10)));
        docs.remove(2);
        Verdict warning = CheckRules.evaluate(OLD_CAR, docs, TODAY);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(codes(warning)).containsExactly("INSURANCE_EXPIRING_SOON", "ROAD_TAX_UNPAID");

        Verdict fail = CheckRules.evaluate(new VehicleFacts(PLATE, TODAY.minusYears(8), true), docs, TODAY);
        assertThat(fail.severity()).isEqualTo(Severity.FAIL);
        assertThat(codes(fail)).containsExactly("REPORTED_STOLEN", "INSURANCE_EXPIRING_SOON", "ROAD_TAX_UNPAID");
        assertThat(Verdict.of(List.of()).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void everyReasonHasAnEnglishMessage() {
        Verdict verdict = CheckRules.evaluate(new VehicleFacts(PLATE, null, true), List.of(), TODAY);
        assertThat(verdict.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r.message()).isNotBlank().endsWith("."));
    }
}
