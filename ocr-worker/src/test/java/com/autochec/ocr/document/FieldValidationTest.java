package com.autochec.ocr.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldValidationTest {

    @ParameterizedTest
    @CsvSource({"VF1RJA00012345678,VF1RJA00012345678", "VF1RJAO0O12345678,VF1RJA00012345678", "vf1 rja 000 1234 5678,VF1RJA00012345678",
            "E. VF1RJA0001234567I,VF1RJA00012345671"})
    void normalisesVins(String text, String vin) {
        assertThat(FieldValidation.vin(text)).contains(vin);
    }

    @ParameterizedTest
    @CsvSource({"VF1RJA0001234567", "0F1RJA00012345678", "VF1RJA0001234567$"})
    void refusesInvalidVins(String text) {
        assertThat(FieldValidation.vin(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"12/03/2019,2019-03-12", "1/3/2019,2019-03-01", "29.02.2024,2024-02-29", "le 3O/O6/2O21,2021-06-30"})
    void readsRealDates(String text, String iso) {
        assertThat(FieldValidation.date(text)).contains(iso);
    }

    @ParameterizedTest
    @CsvSource({"31/02/2020", "29/02/2023", "12/13/2020", "12/03/2620", "no date"})
    void refusesDatesThatDoNotExist(String text) {
        assertThat(FieldValidation.date(text)).isEmpty();
    }

    @Test
    void findsBothDatesOfAValidityPeriod() {
        assertThat(FieldValidation.dates("du 14/04/2024 au 13/04/2025")).containsExactly("2024-04-14", "2025-04-13");
    }

    @ParameterizedTest
    @CsvSource({"82 915 km,82915", "123.456 km,123456", "5000,5000", "1 234 567 km,1234567"})
    void readsMileage(String text, String km) {
        assertThat(FieldValidation.mileage(text)).contains(km);
    }

    @ParameterizedTest
    @CsvSource({"Favorable,FAVOURABLE", "Défavorable,UNFAVOURABLE", "DEFAVORABLE,UNFAVOURABLE", "Contre-visite,COUNTER_VISIT",
            "contre visite,COUNTER_VISIT"})
    void readsInspectionResults(String text, String result) {
        assertThat(FieldValidation.inspectionResult(text)).contains(result);
    }

    @Test
    void normalisesPlatesWithTheGrammar() {
        assertThat(FieldValidation.plate("AB-123-CD")).contains("AB123CD");
        assertThat(FieldValidation.plate("ab 123 cd")).contains("AB123CD");
        assertThat(FieldValidation.plate("AB-I23-CD")).contains("AB123CD");
        assertThat(FieldValidation.plate("Numéro")).isEmpty();
    }

    @Test
    void cleansFreeText() {
        assertThat(FieldValidation.text("Crédit Agricole ;")).contains("CREDIT AGRICOLE");
        assertThat(FieldValidation.text("|||")).isEqualTo(Optional.empty());
        assertThat(FieldValidation.reference("N° 1234567A")).contains("N1234567A");
    }
}
