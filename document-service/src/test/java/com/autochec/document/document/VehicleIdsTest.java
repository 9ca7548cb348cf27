package com.autochec.document.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VehicleIdsTest {

    @Test
    void vinsHaveSeventeenCharactersWithoutIOQ() {
        assertThat(VehicleIds.vin(" vf1rfb00x12345678 ")).contains("VF1RFB00X12345678");
        assertThat(VehicleIds.vin("VF1RFB00X1234567")).isEmpty();
        assertThat(VehicleIds.vin("VF1RFB00O12345678")).isEmpty();
        assertThat(VehicleIds.vin("VF1RFB00I12345678")).isEmpty();
        assertThat(VehicleIds.vin("{\"$ne\":null}")).isEmpty();
    }

    @Test
    void platesAreNormalised() {
        assertThat(VehicleIds.plate("ab 123 cd")).contains("AB-123-CD");
        assertThat(VehicleIds.plate("AB-123-CD")).contains("AB-123-CD");
        assertThat(VehicleIds.plate("1234 AB 75")).contains("1234AB75");
        assertThat(VehicleIds.plate("AB-123")).isEmpty();
        assertThat(VehicleIds.plate("{$gt: ''}")).isEmpty();
    }
}
