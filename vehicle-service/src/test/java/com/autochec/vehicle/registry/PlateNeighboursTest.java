package com.autochec.vehicle.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.plate.PlateKind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNeighboursTest {

    @Test
    void anSivPlateHasLettersForLettersAndDigitsForDigits() {
        Set<Plate> neighbours = PlateNeighbours.substitutions(Plate.parse("AB-123-CD"));
        assertThat(neighbours).hasSize(4 * 25 + 3 * 9);
        assertThat(neighbours).extracting(Plate::value)
                .contains("AB-128-CD", "AE-123-CD", "AB-123-CX", "AB-023-CD")
                .doesNotContain("AB-123-CD", "A8-123-CD", "AB-I23-CD");
        assertThat(neighbours).allSatisfy(p -> {
            assertThat(p.kind()).isIn(PlateKind.SIV, PlateKind.SIV_TEMPORARY);
            assertThat(p.isOneEditFrom(Plate.parse("AB-123-CD"))).isTrue();
        });
    }

    @Test
    void aNumberOfZeroIsNeverANeighbour() {
        assertThat(PlateNeighbours.substitutions(Plate.parse("AB-001-CD")))
                .extracting(Plate::value)
                .doesNotContain("AB-000-CD")
                .contains("AB-002-CD", "AB-101-CD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-ABC-75", "1234-AB-2A", "123-AB-971", "W-123-AB"})
    void otherFrenchFormatsKeepTheirFormat(String input) {
        Plate plate = Plate.parse(input);
        assertThat(PlateNeighbours.substitutions(plate))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(plate.kind());
                    assertThat(p.isOneEditFrom(plate)).isTrue();
                });
    }

    @Test
    void fniDepartementsStayValid() {
        assertThat(PlateNeighbours.substitutions(Plate.parse("123-ABC-75")))
                .extracting(Plate::value)
                .contains("123-ABC-76", "123-ABC-15")
                .doesNotContain("123-ABC-00", "123-ABC-96");
        assertThat(PlateNeighbours.substitutions(Plate.parse("1234-AB-2A")))
                .extracting(Plate::value)
                .contains("1234-AB-2B")
                .doesNotContain("1234-AB-2C");
    }

    @Test
    void aMisreadInputGivesTheFrenchPlatesOneCharacterAway() {
        Set<Plate> neighbours = PlateNeighbours.substitutions(Plate.parse("AB-I23-CD"));
        assertThat(neighbours).extracting(Plate::value).contains("AB-123-CD", "AB-923-CD");
        assertThat(neighbours).allSatisfy(p -> assertThat(p.isFrench()).isTrue());
        assertThat(neighbours.size()).isLessThanOrEqualTo(7 * 35);
    }
}
