package com.autochec.document.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentRowTest {

    static Map<String, String> row(String... overrides) {
        Map<String, String> raw = new HashMap<>(Map.of(
                "document_id", "doc-1",
                "vin", "VF1RFB00X12345678",
                "plate", "ab-123-cd",
                "type", "INSPECTION",
                "issuer", "Dekra",
                "reference", "CT-42",
                "valid_from", "2024-03-01",
                "valid_until", "2026-02-28",
                "result", "favourable",
                "status", "VALIDATED"));
        for (int i = 0; i < overrides.length; i += 2) raw.put(overrides[i], overrides[i + 1]);
        return raw;
    }

    @Test
    void aValidRowIsNormalised() {
        var parsed = DocumentRow.parse(row());
        assertThat(parsed.problems()).isEmpty();
        var c = parsed.row().content();
        assertThat(c.plate()).isEqualTo("AB-123-CD");
        assertThat(c.type()).isEqualTo(DocumentType.INSPECTION);
        assertThat(c.result()).isEqualTo("FAVOURABLE");
        assertThat(c.validUntil()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(c.status()).isEqualTo(DocumentStatus.VALIDATED);
    }

    @Test
    void blankStatusMeansValidated() {
        assertThat(DocumentRow.parse(row("status", " ")).row().content().status()).isEqualTo(DocumentStatus.VALIDATED);
    }

    @Test
    void badVinIsRejected() {
        assertThat(DocumentRow.parse(row("vin", "VF1RFB00O12345678")).problems()).singleElement().asString().contains("vin");
        assertThat(DocumentRow.parse(row("vin", "SHORT")).problems()).isNotEmpty();
        assertThat(DocumentRow.parse(row("vin", "")).problems()).containsExactly("vin is required");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "ab 123 cd, AB-123-CD", "1234 AB 75, 1234-AB-75", "123 ab 971, 123-AB-971", "w 123 ab, W-123-AB"})
    void frenchPlatesAreNormalisedAsEverywhere(String plate, String expected) {
        assertThat(DocumentRow.parse(row("plate", plate)).row().content().plate()).isEqualTo(expected);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0-AB-75", "M5XSX", "AB-123", "{$gt: ''}"})
    void platesThatCannotBeInTheFrenchRegistryAreRejected(String plate) {
        assertThat(DocumentRow.parse(row("plate", plate)).problems()).singleElement().asString().contains("plate");
    }

    @Test
    void badDatesAreRejected() {
        assertThat(DocumentRow.parse(row("valid_from", "2024-02-30")).problems()).singleElement().asString().contains("valid_from");
        assertThat(DocumentRow.parse(row("valid_until", "28/02/2026")).problems()).singleElement().asString().contains("valid_until");
        assertThat(DocumentRow.parse(row("valid_from", "2026-03-01")).problems()).containsExactly("valid_from is after valid_until");
    }

    @Test
    void unknownTypeOrStatusIsRejected() {
        assertThat(DocumentRow.parse(row("type", "PASSPORT")).problems()).singleElement().asString().contains("type");
        assertThat(DocumentRow.parse(row("status", "ARCHIVED")).problems()).singleElement().asString().contains("status");
    }

    @Test
    void resultOnlyForInspectionsAndExpiryRequiredForInsurance() {
        assertThat(DocumentRow.parse(row("type", "INSURANCE")).problems()).containsExactly("result only applies to INSPECTION");
        assertThat(DocumentRow.parse(row("type", "INSURANCE", "result", "", "valid_until", "")).problems())
                .containsExactly("valid_until is required for INSURANCE");
        assertThat(DocumentRow.parse(row("type", "REGISTRATION", "result", "", "valid_until", "")).problems()).isEmpty();
    }

    @Test
    void severalProblemsAreAllReported() {
        assertThat(DocumentRow.parse(row("vin", "x", "type", "y", "plate", "???")).problems()).hasSize(3);
    }

    @Test
    void csvReaderHandlesQuotesAndLineNumbers() {
        var records = CsvReader.read("\uFEFFa,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\n\n1,2");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 4);
        assertThat(records.get(1).fields()).containsExactly("x, y", "he said \"hi\"");
        assertThat(records.get(2).fields()).isEqualTo(List.of("1", "2"));
    }
}
