package com.autochec.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimInputTest {

    @Test
    void normalisesSivAndFniPlates() {
        assertThat(ClaimInput.normalisePlate("ab123cd")).isEqualTo("AB-123-CD");
        assertThat(ClaimInput.normalisePlate(" AB - 123 - CD ")).isEqualTo("AB-123-CD");
        assertThat(ClaimInput.normalisePlate("1234 AB 75")).isEqualTo("1234-AB-75");
        assertThat(ClaimInput.normalisePlate("123 ABC 2A")).isEqualTo("123-ABC-2A");
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(ClaimInput.normalisePlate("AB-12-CD")).isNull();
        assertThat(ClaimInput.normalisePlate("{$ne:null}")).isNull();
        assertThat(ClaimInput.normalisePlate(null)).isNull();
        assertThat(ClaimInput.normalisePlate("A".repeat(200))).isNull();
        assertThat(ClaimInput.normalisePlate("0-AB-75")).isNull();
        assertThat(ClaimInput.normalisePlate("M5XSX")).isNull();
    }

    @Test
    void acceptsEveryFrenchKindTheRegistryAccepts() {
        assertThat(ClaimInput.normalisePlate("123 ab 971")).isEqualTo("123-AB-971");
        assertThat(ClaimInput.normalisePlate("12 A 75")).isEqualTo("12-A-75");
        assertThat(ClaimInput.normalisePlate("st 123 ol")).isEqualTo("ST-123-OL");
    }
}
