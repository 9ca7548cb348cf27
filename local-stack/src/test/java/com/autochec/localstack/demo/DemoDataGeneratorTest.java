package com.autochec.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.localstack.demo.DemoData.Vehicle;
import com.autochec.localstack.demo.DemoData.VehicleDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static DemoData data;

    @BeforeAll
    static void generate() {
        data = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY, DemoDataGenerator.DEFAULT_VEHICLES).generate();
    }

    @Test
    void generatesAtLeastTenThousandVehiclesWithUniquePlatesAndVins() {
        assertThat(data.vehicles()).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(data.vehicles().stream().map(Vehicle::plate).distinct()).hasSize(data.vehicles().size());
        assertThat(data.vehicles().stream().map(Vehicle::vin).distinct()).hasSize(data.vehicles().size());
    }

    @Test
    void randomPlatesFollowTheSivRules() {
        data.vehicles().stream().map(Vehicle::plate)
                .filter(p -> !DemoDataGenerator.FIXED_PLATES.contains(p) && !DemoDataGenerator.RECORD_PLATES.contains(p))
                .forEach(plate -> {
                    assertThat(Plate.parse(plate).isIssuable()).as(plate).isTrue();
                    assertThat(Plate.parse(plate).value()).isEqualTo(plate);
                    assertThat(plate).doesNotContain("I", "O", "U", "SS", "WW").doesNotContain("-000-");
                });
    }

    @Test
    void everyFixedPlateIsRegistrable() {
        for (String plate : DemoDataGenerator.FIXED_PLATES) {
            assertThat(Plate.parse(plate).isFrench()).as(plate).isTrue();
            assertThat(Plate.parse(plate).value()).isEqualTo(plate);
        }
    }

    @Test
    void vinsAreValidAndStartWithTheWmiOfTheirMake() {
        Map<String, Set<String>> wmisByMake = java.util.stream.Stream.concat(
                        VehicleCatalog.MODELS.stream(), VehicleCatalog.MOTORCYCLES.stream()).collect(Collectors.groupingBy(
                VehicleCatalog.Model::make, Collectors.flatMapping(m -> m.wmis().stream(), Collectors.toSet())));
        for (Vehicle vehicle : data.vehicles()) {
            assertThat(Vin.parse(vehicle.vin()).hasValidCheckDigit()).as(vehicle.vin()).isTrue();
            assertThat(vehicle.vin()).doesNotContain("I", "O", "Q");
            assertThat(wmisByMake.get(vehicle.make())).contains(vehicle.vin().substring(0, 3));
            assertThat(vehicle.vin().charAt(9)).isEqualTo(Vin.modelYearCode(vehicle.year()));
            assertThat(Vin.parse(vehicle.vin()).manufacturer()).as(vehicle.vin()).isPresent();
        }
    }

    @Test
    void vehicleDataIsPlausible() {
        Set<String> fuels = Set.of("ESSENCE", "DIESEL", "HYBRIDE", "ELECTRIQUE", "GPL");
        Set<String> towns = FrenchDirectory.TOWNS.stream().map(t -> t.postalCode() + " " + t.name()).collect(Collectors.toSet());
        towns.addAll(List.of("75009 Paris", "69002 Lyon", "06000 Nice", "13001 Marseille", "97110 Pointe-à-Pitre",
                "97200 Fort-de-France", "97400 Saint-Denis", "56000 Vannes"));
        for (Vehicle vehicle : data.vehicles()) {
            assertThat(fuels).contains(vehicle.fuel());
            assertThat(vehicle.year()).isBetween(2005, TODAY.getYear());
            assertThat(LocalDate.parse(vehicle.firstRegistration())).isBeforeOrEqualTo(TODAY);
            assertThat(vehicle.powerKw()).isBetween(30, 400);
            assertThat(vehicle.fiscalPower()).isBetween(1, 15);
            assertThat(vehicle.owner().postalCode()).matches("\\d{5}");
            assertThat(towns).contains(vehicle.owner().postalCode() + " " + vehicle.owner().town());
            assertThat(vehicle.owner().kind()).isIn("PERSON", "COMPANY");
        }
        Map<String, Long> vehiclesPerOwner = data.vehicles().stream()
                .collect(Collectors.groupingBy(v -> v.owner().id(), Collectors.counting()));
        assertThat(vehiclesPerOwner.values()).anyMatch(count -> count > 1);
        assertThat(data.vehicles()).anyMatch(v -> v.owner().kind().equals("COMPANY"));
    }

    @Test
    void aFewPercentOfVehiclesHaveAnExpiredDocument() {
        Set<String> expiredVins = new HashSet<>();
        for (VehicleDocument document : data.documents()) {
            if (!document.validUntil().isEmpty() && LocalDate.parse(document.validUntil()).isBefore(TODAY)) {
                expiredVins.add(document.vin());
            }
        }
        double share = (double) expiredVins.size() / data.vehicles().size();
        assertThat(share).isBetween(0.05, 0.10);
    }

    @Test
    void inspectionsOnlyForVehiclesOverFourYearsOld() {
        Map<String, Vehicle> byVin = data.vehicles().stream().collect(Collectors.toMap(Vehicle::vin, Function.identity()));
        for (VehicleDocument document : data.documents()) {
            Vehicle vehicle = byVin.get(document.vin());
            assertThat(vehicle).isNotNull();
            assertThat(document.plate()).isEqualTo(vehicle.plate());
            if (document.type().equals("INSPECTION")) {
                assertThat(LocalDate.parse(vehicle.firstRegistration()).plusYears(4)).isBeforeOrEqualTo(TODAY);
                assertThat(document.result()).isIn("FAVOURABLE", "UNFAVOURABLE", "COUNTER_VISIT");
            }
        }
        assertThat(data.documents().stream().map(VehicleDocument::id).distinct()).hasSize(data.documents().size());
    }

    @Test
    void fixedDemoVehiclesArePresentWithTheirStory() {
        Map<String, Vehicle> byPlate = data.vehicles().stream().collect(Collectors.toMap(Vehicle::plate, Function.identity()));
        Vehicle odile = byPlate.get("AB-123-CD");
        assertThat(odile.owner().name()).isEqualTo("Odile Martin");
        assertThat(odile.owner().accountId()).isEqualTo("00000000-0000-4000-8000-000000000003");
        assertThat(odile.owner().town()).isEqualTo("Paris");
        assertThat(odile.stolen()).isFalse();
        assertThat(expiredTypes("AB-123-CD")).isEmpty();
        assertThat(documentsOf("AB-123-CD")).extracting(VehicleDocument::type)
                .contains("REGISTRATION", "INSURANCE", "INSPECTION", "ROAD_TAX");

        assertThat(expiredTypes("EF-456-GH")).containsExactly("INSURANCE");
        assertThat(expiredTypes("GH-789-JK")).containsExactly("INSPECTION");
        assertThat(byPlate.get("ST-123-OL").stolen()).isTrue();
        assertThat(expiredTypes("ST-123-OL")).isEmpty();
        assertThat(data.vehicles().stream().filter(v -> !v.owner().accountId().isEmpty()))
                .containsExactly(odile);
    }

    @Test
    void theFullRecordHasItsDemoVehicles() {
        Map<String, Vehicle> byPlate = data.vehicles().stream().collect(Collectors.toMap(Vehicle::plate, Function.identity()));
        for (String plate : DemoDataGenerator.RECORD_PLATES) {
            assertThat(byPlate).as(plate).containsKey(plate);
            assertThat(Plate.parse(plate).isFrench()).as(plate).isTrue();
            assertThat(Plate.parse(plate).value()).isEqualTo(plate);
            assertThat(documentsOf(plate)).extracting(VehicleDocument::type).contains("REGISTRATION", "INSURANCE");
        }
        assertThat(byPlate.get("MT-707-YA").category()).isEqualTo("L3e");
        assertThat(byPlate.get("CB-500-HF").category()).isEqualTo("L3e");
        assertThat(byPlate.get("FL-100-AZ").owner().kind()).isEqualTo("COMPANY");
        assertThat(byPlate.get("FL-101-AZ").owner()).isEqualTo(byPlate.get("ST-123-OL").owner());
        assertThat(byPlate.get("GA-123-GE").statuses()).isEqualTo("GAGE");
        assertThat(byPlate.get("OP-456-PO").statuses()).isEqualTo("OPPOSITION");
        assertThat(byPlate.get("KM-789-RB").mileage()).endsWith(":64000:OWNER");
        assertThat(byPlate.get("456-AB-972").owner().postalCode()).startsWith("972");
        assertThat(byPlate.get("789-ABC-974").owner().postalCode()).startsWith("974");
        // the fixed vehicles of the earlier demo keep their data
        assertThat(byPlate.get("AB-123-CD").statuses()).isEmpty();
        assertThat(byPlate.get("AB-123-CD").colour()).isEqualTo("Bleu");
    }

    @Test
    void sameSeedAndDateGiveTheSameFiles(@TempDir Path first, @TempDir Path second) throws Exception {
        data.writeTo(first);
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY, DemoDataGenerator.DEFAULT_VEHICLES).generate()
                .writeTo(second);
        for (String file : List.of("vehicles.csv", "documents.csv")) {
            assertThat(Files.readString(first.resolve(file), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(second.resolve(file), StandardCharsets.UTF_8));
        }
        List<String> lines = Files.readAllLines(first.resolve("vehicles.csv"));
        assertThat(lines.get(0)).isEqualTo(DemoData.VEHICLES_HEADER);
        assertThat(lines).hasSize(data.vehicles().size() + 1);
        assertThat(Files.readAllLines(first.resolve("documents.csv")).get(0)).isEqualTo(DemoData.DOCUMENTS_HEADER);
    }

    @Test
    void csvQuotesValuesWithCommasAndQuotes() {
        assertThat(DemoData.csv("a", "b,c", "say \"hi\"", 3, true)).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",3,true");
    }

    private static List<VehicleDocument> documentsOf(String plate) {
        return data.documents().stream().filter(d -> d.plate().equals(plate)).toList();
    }

    private static List<String> expiredTypes(String plate) {
        return documentsOf(plate).stream()
                .filter(d -> !d.validUntil().isEmpty() && LocalDate.parse(d.validUntil()).isBefore(TODAY))
                .map(VehicleDocument::type).toList();
    }
}
