package com.autochec.vehicle.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.vehicle.registry.OwnerKind;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VehicleCsvTest {

    /** The columns every file has; {@code statuses} and {@code mileage} are optional. */
    static final String HEADER = String.join(",", VehicleCsv.COLUMNS.subList(0, 21)) + "\n";
    static final String GOOD = "ab 123 cd,vf1rfb00x56789012,Renault,Clio,V 1.5 dCi,2019,gris,VP,DIESEL,5,66,2019-03-01,"
            + "false,o-1,person,Odile Martin,\"1, rue de la Paix\",75002,Paris,odile@example.org,acc-3\n";

    static ValidatorFactory factory;
    static VehicleCsv csv;

    @BeforeAll
    static void validator() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        factory = Validation.byDefaultProvider().configure().clockProvider(() -> clock).buildValidatorFactory();
        Validator validator = factory.getValidator();
        csv = new VehicleCsv(validator);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void readsAValidRowNormalised() {
        VehicleCsv.Parsed parsed = csv.parse(HEADER + GOOD);
        assertThat(parsed.errors()).isEmpty();
        VehicleRow row = parsed.rows().get(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.stolen()).isFalse();
        assertThat(row.data().plate()).isEqualTo("AB-123-CD");
        assertThat(row.data().vin()).isEqualTo("VF1RFB00X56789012");
        assertThat(row.data().year()).isEqualTo(2019);
        assertThat(row.data().fiscalPower()).isEqualTo(5);
        assertThat(row.data().firstRegistration()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(row.data().owner().kind()).isEqualTo(OwnerKind.PERSON);
        assertThat(row.data().owner().street()).isEqualTo("1, rue de la Paix");
        assertThat(row.data().owner().accountId()).isEqualTo("acc-3");
    }

    @Test
    void statusesAndMileageReadingsAreOptionalColumns() {
        String header = HEADER.strip() + ",statuses,mileage\n";
        String row = GOOD.strip() + ",GAGE;opposition,2022-03-10:61000:CT;2025-06-02:64000\n";
        VehicleCsv.Parsed parsed = csv.parse(header + row + GOOD.strip() + ",,\n"
                + GOOD.strip().replace("ab 123 cd", "ab 124 cd").replace("56789012", "56789013") + ",STOLEN,2022-13-01:5\n");
        assertThat(parsed.rows()).hasSize(2);
        VehicleRow first = parsed.rows().get(0);
        assertThat(first.statuses()).containsExactlyInAnyOrder(
                com.autochec.vehicle.registry.AdminStatus.GAGE, com.autochec.vehicle.registry.AdminStatus.OPPOSITION);
        assertThat(first.mileage()).extracting(com.autochec.vehicle.registry.MileageReading::km).containsExactly(61000, 64000);
        assertThat(first.mileage().get(1).source()).isEqualTo(com.autochec.vehicle.registry.MileageSource.IMPORT);
        assertThat(parsed.rows().get(1).statuses()).isNull();
        assertThat(parsed.rows().get(1).mileage()).isNull();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("statuses: STOLEN is the stolen column").contains("mileage: ");
        });
    }

    @Test
    void aRowWithoutOwnerAndStolenLeftEmptyIsValid() {
        VehicleCsv.Parsed parsed = csv.parse(HEADER + "123 AB 45,VF1RFB00X56789012,Peugeot,205,,1990,,,,,,,,,,,,,,,\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows().get(0).data().plate()).isEqualTo("123-AB-45");
        assertThat(parsed.rows().get(0).data().owner()).isNull();
        assertThat(parsed.rows().get(0).stolen()).isNull();
    }

    @ParameterizedTest(name = "{0} is registrable as {1}")
    @CsvSource({"123 AB 971, 123-AB-971", "12 ab 2a, 12-AB-2A", "WW 456 BC, WW-456-BC", "w-123-ab, W-123-AB",
        "st 123 ol, ST-123-OL"})
    void everyFrenchKindOfPlateIsRegistrable(String plate, String expected) {
        VehicleCsv.Parsed parsed = csv.parse(HEADER + plate + ",VF1RFB00X56789012,Peugeot,205,,1990,,,,,,,,,,,,,,,\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows().get(0).data().plate()).isEqualTo(expected);
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeMissing() {
        VehicleCsv.Parsed parsed = csv.parse("year,make,model,vin,plate\n2020,Tesla,Model 3,5YJSA1DG9DFP14705,GH-010-XY\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows().get(0).data().make()).isEqualTo("Tesla");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad plate|AB-000-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,,,,,,,,|plate: plate number 0 is never issued in France",
                "zero FNI number|0-AB-75,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,,,,,,,,|plate: plate number 0 is never issued in France",
                "foreign plate|M5XSX,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,,,,,,,,|plate: plate must have a French format: AA-123-AA, WW-123-AA, W-123-AA or 123-AB-45",
                "garbage plate|$ne,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,,,,,,,,|plate: plate may only contain letters, digits, spaces, dashes and dots",
                "bad VIN|AB-123-CD,VF1RFB00X5678901O,Renault,Clio,,2019,,,,,,,,,,,,,,,|vin: VIN must not contain the letters I, O or Q",
                "short VIN|AB-123-CD,VF1,Renault,Clio,,2019,,,,,,,,,,,,,,,|vin: VIN must be 17 characters long",
                "bad date|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,2019-02-30,,,,,,,,,|first_registration: must be a date yyyy-MM-dd",
                "future date|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,2030-01-01,,,,,,,,,|first_registration: must be a date in the past or in the present",
                "bad year|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,20x9,,,,,,,,,,,,,,,|year: must be a whole number",
                "old year|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,1800,,,,,,,,,,,,,,,|year: must be greater than or equal to 1886",
                "missing make|AB-123-CD,VF1RFB00X56789012,,Clio,,2019,,,,,,,,,,,,,,,|make: must not be blank",
                "bad stolen|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,yes,,,,,,,,|stolen: must be true or false",
                "bad power|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,0,,,,,,,,,,,|fiscal_power: must be greater than or equal to 1",
                "owner without id|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,,PERSON,Jean,,,,,|owner_id: is required when an owner is given",
                "bad owner kind|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,o1,ROBOT,Jean,,,,,|owner_kind: must be PERSON or COMPANY",
                "bad email|AB-123-CD,VF1RFB00X56789012,Renault,Clio,,2019,,,,,,,,o1,PERSON,Jean,,,,not-an-email,|owner_email: must be a well-formed email address",
                "field count|AB-123-CD,VF1RFB00X56789012,Renault|expected 21 fields, found 3",
            })
    void reportsAndSkipsABadRow(String name, String row, String message) {
        VehicleCsv.Parsed parsed = csv.parse(HEADER + GOOD + row + "\n" + GOOD.replace("ab 123 cd", "AB-124-CD"));
        assertThat(parsed.rows()).extracting(VehicleRow::line).containsExactly(2, 4);
        assertThat(parsed.errors()).containsExactly(new RowError(3, message));
    }

    @Test
    void reportsEveryProblemOfARowInColumnOrder() {
        VehicleCsv.Parsed parsed = csv.parse(HEADER + "AB-000-CD,123,,Clio,,abc,,,,,,,,,,,,,,,\n");
        assertThat(parsed.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .startsWith("plate: ")
                .contains("; vin: ")
                .contains("; make: must not be blank")
                .endsWith("; year: must be a whole number"));
    }

    @Test
    void anUnterminatedQuoteKeepsTheRowsBeforeIt() {
        VehicleCsv.Parsed parsed = csv.parse(HEADER + GOOD + "\"AB-999-CD,broken\n" + GOOD);
        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void rejectsTheFileWhenTheHeaderIsWrong() {
        assertThatThrownBy(() -> csv.parse("")).isInstanceOf(CsvFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> csv.parse("plate,vin,make,model\n"))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("The CSV file cannot be imported: missing column 'year'");
        assertThatThrownBy(() -> csv.parse("plate,vin,make,model,year,colour,color\n"))
                .hasMessageStartingWith("The CSV file cannot be imported: unknown column 'color'");
        assertThatThrownBy(() -> csv.parse("plate,vin,make,model,year,plate\n")).hasMessage("The CSV file cannot be imported: column 'plate' appears twice");
    }
}
