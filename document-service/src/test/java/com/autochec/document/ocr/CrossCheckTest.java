package com.autochec.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.ownership.VehicleOwner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reading cross-checked against the vehicle it was filed under. */
class CrossCheckTest {

    static final String VIN = "VF3ABCDEF12345678";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final VehicleOwner VEHICLE = new VehicleOwner("v1", VIN, "AB-123-CD", "acc", 1, false, "Odile Martin",
            "PERSON", LocalDate.of(2021, 3, 15));

    static VehicleDocument filed(DocumentType type) {
        Instant t = Instant.EPOCH;
        return new VehicleDocument("d", VIN, "AB-123-CD", type, DocumentStatus.PENDING, null, null, null, null, null,
                VehicleDocument.Source.UPLOAD, "acc", null, null, List.of(), null, 1, t, t, null, null, null);
    }

    static VehicleDocument.ExtractedField f(String name, String value) {
        return new VehicleDocument.ExtractedField(name, value, 0.9, true);
    }

    static List<String> flags(DocumentType type, VehicleDocument.ExtractedField... fields) {
        return ExtractionRecorder.mismatches(filed(type), VEHICLE, List.of(fields), TODAY);
    }

    @Test
    void aConsistentInsuranceHasNoFlag() {
        assertThat(flags(DocumentType.INSURANCE, f("PLATE", "AB123CD"), f("POLICY_NUMBER", "123"),
                f("VALID_FROM", "2026-11-20"), f("VALID_UNTIL", "2027-11-19"))).isEmpty();
    }

    @Test
    void theSameCertificateFiledForAnotherVehicleIsFlagged() {
        assertThat(flags(DocumentType.INSURANCE, f("PLATE", "EF-456-GH"))).containsExactly("PLATE_MISMATCH");
        assertThat(flags(DocumentType.INSPECTION, f("VIN", "VF3ABCDEF12345679"))).containsExactly("VIN_MISMATCH");
    }

    @Test
    void holderNameAndFirstRegistrationAreCompared() {
        assertThat(flags(DocumentType.REGISTRATION, f("HOLDER_NAME", "MARTIN ODILE"), f("FIRST_REGISTRATION", "2021-03-15")))
                .isEmpty();
        assertThat(flags(DocumentType.REGISTRATION, f("HOLDER_NAME", "Mme Odile MARTIN"))).isEmpty();
        assertThat(flags(DocumentType.REGISTRATION, f("HOLDER_NAME", "MARTlN 0DILE"))).isEmpty();
        // a low-confidence reading that failed validation flags nothing; a well-formed one does (the e2e's case)
        assertThat(ExtractionRecorder.mismatches(filed(DocumentType.INSURANCE), VEHICLE,
                List.of(new VehicleDocument.ExtractedField("PLATE", "EF456GH", 0.24, true)), TODAY)).containsExactly("PLATE_MISMATCH");
        assertThat(ExtractionRecorder.mismatches(filed(DocumentType.INSURANCE), VEHICLE,
                List.of(new VehicleDocument.ExtractedField("PLATE", "EF-456-GH", 0.3, false)), TODAY)).isEmpty();
        assertThat(flags(DocumentType.REGISTRATION, f("HOLDER_NAME", "DUPONT JEAN"), f("FIRST_REGISTRATION", "2019-01-01")))
                .containsExactly("HOLDER_MISMATCH", "FIRST_REGISTRATION_MISMATCH");
    }

    @Test
    void implausibleDatesAreFlagged() {
        assertThat(flags(DocumentType.INSURANCE, f("VALID_FROM", "2026-12-01"), f("VALID_UNTIL", "2026-01-01")))
                .containsExactly("DATES_IMPLAUSIBLE");
        assertThat(flags(DocumentType.INSURANCE, f("VALID_FROM", "2026-01-01"), f("VALID_UNTIL", "2029-01-01")))
                .containsExactly("DATES_IMPLAUSIBLE");
        assertThat(flags(DocumentType.INSPECTION, f("INSPECTION_DATE", "2026-01-01"), f("NEXT_DUE", "2027-12-31"),
                f("RESULT", "FAVOURABLE"))).isEmpty();
        assertThat(flags(DocumentType.INSURANCE, f("VALID_FROM", "2099-01-01"), f("VALID_UNTIL", "2099-12-31")))
                .containsExactly("DATES_IMPLAUSIBLE");
    }
}
