package com.autochec.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimInputTest {

    @ParameterizedTest
    @CsvSource({
        "ab123cd, 5678, 2021AB12345, AB-123-CD, 5678, 2021AB12345",
        "' AB - 123 - CD ', ' x9z1 ', '2021 ab-12345', AB-123-CD, X9Z1, 2021AB12345",
        "123 ab 971, 0001, 2007XY00001, 123-AB-971, 0001, 2007XY00001",
    })
    void normalisesPlateVinSuffixAndCertificateNumber(
            String plate, String vin, String certificate, String expectedPlate, String expectedVin, String expectedCertificate) {
        assertThat(ClaimInput.parse(plate, vin, certificate))
                .isEqualTo(new ClaimInput(expectedPlate, expectedVin, expectedCertificate));
    }

    @Test
    void everyBadFieldIsListed() {
        assertThatThrownBy(() -> ClaimInput.parse("HELLO", "12O4", "{$ne:1}"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    @SuppressWarnings("unchecked")
                    List<FieldError> errors = (List<FieldError>) problem.properties().get("errors");
                    assertThat(errors).extracting(FieldError::field).containsExactly("plate", "vinLast4", "certificateNumber");
                });
    }

    @Test
    void missingFieldsAndAForeignPlateAreRefused() {
        assertThatThrownBy(() -> ClaimInput.parse(null, null, null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ClaimInput.parse("M5XSX", "1234", "2021AB12345")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ClaimInput.parse("AB-123-CD", "12345", "2021AB12345")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ClaimInput.parse("AB-123-CD", "1234", "A".repeat(40))).isInstanceOf(ApiProblem.class);
    }
}
