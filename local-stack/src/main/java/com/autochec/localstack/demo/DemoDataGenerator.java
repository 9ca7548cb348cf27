package com.autochec.localstack.demo;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.localstack.demo.DemoData.Owner;
import com.autochec.localstack.demo.DemoData.Vehicle;
import com.autochec.localstack.demo.DemoData.VehicleDocument;
import com.autochec.localstack.demo.FrenchDirectory.Town;
import com.autochec.localstack.demo.VehicleCatalog.Model;
import com.autochec.localstack.demo.VehicleCatalog.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Deterministic French demo data: the same seed and "today" always give the same files. Besides the random
 * fleet, four fixed vehicles exist for demos and end-to-end tests: {@code AB-123-CD} (Odile Martin, the demo
 * owner account, everything valid), {@code EF-456-GH} (insurance expired), {@code GH-789-JK} (technical
 * inspection expired), {@code ST-123-OL} (reported stolen) and {@code 123-AB-971} (an older FNI plate of
 * Guadeloupe, everything valid). After the random fleet (so that it stays the same for a seed), the registry's
 * full record gets its own fixed vehicles ({@link #RECORD_PLATES}): older FNI plates of Martinique, La Réunion
 * and the Morbihan, two motorcycles, a company fleet, a vehicle under a gage, one under an opposition and one
 * whose odometer went back (a mileage rollback).
 *
 * <p>Usage: {@code DemoDataGenerator --out DIR [--today yyyy-MM-dd] [--vehicles 10000] [--seed 20251121]}
 */
public final class DemoDataGenerator {

    public static final long DEFAULT_SEED = 20251121L;
    public static final int DEFAULT_VEHICLES = 10_000;
    public static final String DEMO_OWNER_ACCOUNT_ID = "00000000-0000-4000-8000-000000000003";
    public static final List<String> FIXED_PLATES =
            List.of("AB-123-CD", "EF-456-GH", "GH-789-JK", "ST-123-OL", "123-AB-971");

    /** The full-record demo vehicles, added after the random fleet. */
    public static final List<String> RECORD_PLATES = List.of("456-AB-972", "789-ABC-974", "1234-AB-56",
            "MT-707-YA", "CB-500-HF", "FL-100-AZ", "FL-101-AZ", "GA-123-GE", "OP-456-PO", "KM-789-RB");

    private static final double EXPIRED_SHARE = 0.065;
    private static final double STOLEN_SHARE = 0.004;

    private final Random random;
    private final LocalDate today;
    private final int vehicleCount;
    private final Set<String> plates = new HashSet<>(FIXED_PLATES);
    {
        plates.addAll(RECORD_PLATES);
    }
    private final Set<String> vins = new HashSet<>();
    private final List<Vehicle> vehicles = new ArrayList<>();
    private final List<VehicleDocument> documents = new ArrayList<>();
    private final int totalModelWeight = VehicleCatalog.MODELS.stream().mapToInt(Model::weight).sum();
    private final int totalTownWeight = FrenchDirectory.TOWNS.stream().mapToInt(Town::weight).sum();

    private enum Expired { NONE, INSURANCE, INSPECTION, ROAD_TAX }

    public DemoDataGenerator(long seed, LocalDate today, int vehicleCount) {
        this.random = new Random(seed);
        this.today = today;
        this.vehicleCount = vehicleCount;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(arg(args, "--out", ".autochec/data/demo"));
        LocalDate today = LocalDate.parse(arg(args, "--today", LocalDate.now().toString()));
        int count = Integer.parseInt(arg(args, "--vehicles", String.valueOf(DEFAULT_VEHICLES)));
        long seed = Long.parseLong(arg(args, "--seed", String.valueOf(DEFAULT_SEED)));
        DemoData data = new DemoDataGenerator(seed, today, count).generate();
        data.writeTo(out);
        System.out.printf("demo data (seed %d, today %s): %d vehicles, %d documents in %s%n", seed, today,
                data.vehicles().size(), data.documents().size(), out.toAbsolutePath());
    }

    public DemoData generate() {
        addFixedVehicles();
        while (vehicles.size() < vehicleCount + FIXED_PLATES.size()) {
            Owner owner;
            int owned;
            double roll = random.nextDouble();
            if (roll < 0.06) {
                owner = company();
                owned = 2 + random.nextInt(9);
            } else {
                owner = person();
                double several = random.nextDouble();
                owned = several < 0.84 ? 1 : several < 0.97 ? 2 : 3;
            }
            for (int i = 0; i < owned && vehicles.size() < vehicleCount + FIXED_PLATES.size(); i++) {
                Expired expired = random.nextDouble() < EXPIRED_SHARE
                        ? Expired.values()[1 + random.nextInt(3)] : Expired.NONE;
                addVehicle(newPlate(), owner, randomModel(), null, random.nextDouble() < STOLEN_SHARE, expired);
            }
        }
        addRecordVehicles();
        return new DemoData(List.copyOf(vehicles), List.copyOf(documents));
    }

    private void addFixedVehicles() {
        Owner odile = new Owner(stableId("owner/odile-martin"), "PERSON", "Odile Martin", "24 rue des Martyrs",
                "75009", "Paris", "odile.martin@example.fr", DEMO_OWNER_ACCOUNT_ID);
        Owner julien = new Owner(stableId("owner/julien-moreau"), "PERSON", "Julien Moreau", "8 rue Mercière",
                "69002", "Lyon", "julien.moreau@example.fr", "");
        Owner claire = new Owner(stableId("owner/claire-dubois"), "PERSON", "Claire Dubois",
                "15 avenue Jean Médecin", "06000", "Nice", "claire.dubois@example.fr", "");
        Owner azur = new Owner(stableId("owner/sas-location-azur"), "COMPANY", "SAS Location Azur",
                "3 boulevard Gambetta", "13001", "Marseille", "contact@location-azur.example.fr", "");
        addVehicle("AB-123-CD", odile, model("Peugeot", "208"), new Fixed("1.2 PureTech 100", 2021, "Bleu"), false,
                Expired.NONE);
        addVehicle("EF-456-GH", julien, model("Renault", "Clio"), new Fixed("TCe 90", 2019, "Rouge"), false,
                Expired.INSURANCE);
        addVehicle("GH-789-JK", claire, model("Citroën", "C3"), new Fixed("1.2 PureTech 83", 2017, "Blanc"), false,
                Expired.INSPECTION);
        addVehicle("ST-123-OL", azur, model("Volkswagen", "Golf"), new Fixed("1.5 TSI 130", 2020, "Gris"), true,
                Expired.NONE);
        Owner lucie = new Owner(stableId("owner/lucie-bernard"), "PERSON", "Lucie Bernard", "12 rue Frébault",
                "97110", "Pointe-à-Pitre", "lucie.bernard@example.fr", "");
        addVehicle("123-AB-971", lucie, model("Renault", "Clio"), new Fixed("1.2 16V 75", 2007, "Blanc"), false,
                Expired.NONE);
    }

    private record Fixed(String variant, int year, String colour) {
    }

    private void addRecordVehicles() {
        Owner josephine = new Owner(stableId("owner/josephine-laurent"), "PERSON", "Joséphine Laurent",
                "5 rue Victor Hugo", "97200", "Fort-de-France", "josephine.laurent@example.fr", "");
        addVehicle("456-AB-972", josephine, model("Peugeot", "208"), new Fixed("1.2 PureTech 82", 2014, "Gris"), false,
                Expired.NONE);
        Owner remi = new Owner(stableId("owner/remi-payet"), "PERSON", "Rémi Payet", "18 rue de Paris", "97400",
                "Saint-Denis", "remi.payet@example.fr", "");
        addVehicle("789-ABC-974", remi, model("Renault", "Clio"), new Fixed("1.5 dCi 90", 2013, "Noir"), false,
                Expired.NONE);
        Owner yann = new Owner(stableId("owner/yann-le-goff"), "PERSON", "Yann Le Goff", "2 place Joseph Le Brix",
                "56000", "Vannes", "yann.legoff@example.fr", "");
        addVehicle("1234-AB-56", yann, model("Citroën", "C3"), new Fixed("1.4 HDi 70", 2008, "Rouge"), false,
                Expired.NONE);
        Owner hugo = new Owner(stableId("owner/hugo-garnier"), "PERSON", "Hugo Garnier", "40 cours Gambetta",
                "69003", "Lyon", "hugo.garnier@example.fr", "");
        addVehicle("MT-707-YA", hugo, motorcycle("Yamaha", "MT-07"), new Fixed("689 ABS", 2021, "Bleu"), false,
                Expired.NONE);
        Owner ines = new Owner(stableId("owner/ines-roux"), "PERSON", "Inès Roux", "7 rue Sainte-Catherine",
                "33000", "Bordeaux", "ines.roux@example.fr", "");
        addVehicle("CB-500-HF", ines, motorcycle("Honda", "CB500F"), new Fixed("471 ABS", 2019, "Rouge"), false,
                Expired.NONE);
        Owner azur = new Owner(stableId("owner/sas-location-azur"), "COMPANY", "SAS Location Azur",
                "3 boulevard Gambetta", "13001", "Marseille", "contact@location-azur.example.fr", "");
        addVehicle("FL-100-AZ", azur, model("Renault", "Kangoo"), null, false, Expired.NONE);
        addVehicle("FL-101-AZ", azur, model("Renault", "Kangoo"), null, false, Expired.NONE);
        Owner marc = new Owner(stableId("owner/marc-petit"), "PERSON", "Marc Petit", "11 quai des Chartrons",
                "33000", "Bordeaux", "marc.petit@example.fr", "");
        addVehicle("GA-123-GE", marc, model("Peugeot", "3008"), null, false, Expired.NONE);
        record(1, "GAGE", "");
        Owner sophie = new Owner(stableId("owner/sophie-lefevre"), "PERSON", "Sophie Lefèvre", "9 rue Nationale",
                "59000", "Lille", "sophie.lefevre@example.fr", "");
        addVehicle("OP-456-PO", sophie, model("Renault", "Megane"), null, false, Expired.NONE);
        record(1, "OPPOSITION", "");
        Owner karim = new Owner(stableId("owner/karim-benali"), "PERSON", "Karim Benali", "25 rue de Metz",
                "31000", "Toulouse", "karim.benali@example.fr", "");
        addVehicle("KM-789-RB", karim, model("Citroën", "C4"), new Fixed("1.6 HDi 110", 2016, "Blanc"), false,
                Expired.NONE);
        // CT readings, then a lower one declared at the sale: the odometer was wound back
        record(1, "", "2022-03-10:61000:CT;2024-03-08:98000:CT;2025-06-02:64000:OWNER");
    }

    /** Sets the statuses and mileage of the vehicle added {@code back} vehicles ago (1 = the last one). */
    private void record(int back, String statuses, String mileage) {
        int index = vehicles.size() - back;
        Vehicle v = vehicles.get(index);
        vehicles.set(index, new Vehicle(v.plate(), v.vin(), v.make(), v.model(), v.variant(), v.year(), v.colour(),
                v.category(), v.fuel(), v.fiscalPower(), v.powerKw(), v.firstRegistration(), v.stolen(), v.owner(),
                statuses, mileage));
    }

    private static Model motorcycle(String make, String name) {
        return VehicleCatalog.MOTORCYCLES.stream().filter(m -> m.make().equals(make) && m.model().equals(name))
                .findFirst().orElseThrow();
    }

    private void addVehicle(String plate, Owner owner, Model model, Fixed fixed, boolean stolen, Expired expired) {
        Variant variant;
        int year;
        if (fixed != null) {
            variant = model.variants().stream().filter(v -> v.name().equals(fixed.variant())).findFirst().orElseThrow();
            year = fixed.year();
        } else {
            List<Variant> sold = model.variants().stream().filter(v -> v.fromYear() <= today.getYear()).toList();
            variant = sold.get(random.nextInt(sold.size()));
            int to = Math.min(variant.toYear(), today.getYear());
            year = variant.fromYear() + random.nextInt(to - variant.fromYear() + 1);
        }
        LocalDate firstRegistration = fixed != null
                ? LocalDate.of(year, 3, 15)
                : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (firstRegistration.isAfter(today)) {
            firstRegistration = today.minusDays(random.nextInt(30));
        }
        String colour = fixed != null ? fixed.colour() : pick(VehicleCatalog.COLOURS);
        String vin = newVin(model, year);
        vehicles.add(new Vehicle(plate, vin, model.make(), model.model(), variant.name(), year, colour,
                model.category(), variant.fuel(), variant.fiscalPower(), variant.powerKw(), firstRegistration.toString(),
                stolen, owner));
        boolean fixedVehicle = fixed != null;
        addDocuments(plate, vin, firstRegistration, expired, fixedVehicle);
    }

    private void addDocuments(String plate, String vin, LocalDate firstRegistration, Expired expired, boolean fixed) {
        LocalDate firstInspectionDue = firstRegistration.plusYears(4);
        boolean inspectionRequired = !firstInspectionDue.isAfter(today);
        if (expired == Expired.INSPECTION && !inspectionRequired) {
            expired = Expired.INSURANCE;
        }
        // Registration certificate: issued at first registration, no end of validity.
        documents.add(document(vin, plate, "REGISTRATION", "ANTS",
                firstRegistration.getYear() + letters(2) + digits(5), firstRegistration, null, "", fixed));

        // Insurance: one year, renewed every year; an expired one ended 1 to 120 days ago.
        LocalDate insuranceStart = expired == Expired.INSURANCE
                ? today.minusYears(1).minusDays(1 + random.nextInt(120))
                : today.minusDays(random.nextInt(365));
        if (insuranceStart.isBefore(firstRegistration)) {
            insuranceStart = expired == Expired.INSURANCE ? insuranceStart : firstRegistration;
        }
        String insurer = pick(FrenchDirectory.INSURERS);
        documents.add(document(vin, plate, "INSURANCE", insurer, policyNumber(insurer), insuranceStart,
                insuranceStart.plusYears(1).minusDays(1), "", fixed));

        // Technical inspection (contrôle technique): first at 4 years, then every 2 years.
        if (inspectionRequired) {
            LocalDate due = firstInspectionDue;
            while (!due.plusYears(2).isAfter(today)) {
                due = due.plusYears(2);
            }
            String network = pick(FrenchDirectory.INSPECTION_NETWORKS);
            String reference = "PV" + digits(10);
            LocalDate visit;
            String result;
            LocalDate validUntil;
            double roll = random.nextDouble();
            if (expired == Expired.INSPECTION) {
                // The last visit was two years before the due date that was missed.
                visit = due.minusYears(2).minusDays(random.nextInt(30));
                if (visit.isBefore(firstRegistration.plusYears(3))) {
                    visit = due.minusDays(30 + random.nextInt(300));
                    result = "UNFAVOURABLE";
                    validUntil = visit.plusDays(1);
                } else {
                    result = "FAVOURABLE";
                    validUntil = visit.plusYears(2);
                }
            } else if (!fixed && roll < 0.03) {
                visit = today.minusDays(random.nextInt(50));
                result = "COUNTER_VISIT";
                validUntil = visit.plusMonths(2);
            } else if (!fixed && roll < 0.04) {
                visit = today.minusDays(1 + random.nextInt(50));
                result = "UNFAVOURABLE";
                validUntil = visit.plusDays(1);
            } else {
                visit = due.minusDays(random.nextInt(30));
                if (!visit.plusYears(2).isAfter(today)) {
                    visit = due;
                }
                result = "FAVOURABLE";
                validUntil = visit.plusYears(2);
            }
            documents.add(document(vin, plate, "INSPECTION", network, reference, visit, validUntil, result, fixed));
        }

        // Road tax receipt for the calendar year; an expired one is last year's.
        int taxYear = expired == Expired.ROAD_TAX ? today.getYear() - 1 : today.getYear();
        documents.add(document(vin, plate, "ROAD_TAX", "DGFiP", "TAX-" + taxYear + "-" + digits(8),
                LocalDate.of(taxYear, 1, 1), LocalDate.of(taxYear, 12, 31), "", fixed));
    }

    private VehicleDocument document(String vin, String plate, String type, String issuer, String reference,
            LocalDate validFrom, LocalDate validUntil, String result, boolean fixed) {
        String status = !fixed && random.nextDouble() < 0.02 ? "PENDING" : "VALIDATED";
        return new VehicleDocument(stableId("document/" + vin + "/" + type), vin, plate, type, issuer, reference,
                validFrom.toString(), validUntil == null ? "" : validUntil.toString(), result, status);
    }

    private Owner person() {
        String first = pick(FrenchDirectory.FIRST_NAMES);
        String last = pick(FrenchDirectory.LAST_NAMES);
        Town town = randomTown();
        String email = random.nextDouble() < 0.8
                ? (slug(first) + "." + slug(last)).replace(' ', '-') + random.nextInt(100) + "@example.fr" : "";
        return new Owner(randomId(), "PERSON", first + " " + last, street(), town.postalCode(), town.name(), email, "");
    }

    private Owner company() {
        String name = pick(FrenchDirectory.COMPANY_FORMS) + " " + pick(FrenchDirectory.COMPANY_ACTIVITIES) + " "
                + pick(FrenchDirectory.LAST_NAMES);
        Town town = randomTown();
        return new Owner(randomId(), "COMPANY", name, street(), town.postalCode(), town.name(),
                "contact@" + slug(name.substring(name.indexOf(' ') + 1)).replace(' ', '-') + ".example.fr", "");
    }

    private String street() {
        int number = 1 + random.nextInt(120);
        String suffix = random.nextDouble() < 0.05 ? " bis" : "";
        return number + suffix + " " + pick(FrenchDirectory.STREETS);
    }

    private Town randomTown() {
        int roll = random.nextInt(totalTownWeight);
        for (Town town : FrenchDirectory.TOWNS) {
            roll -= town.weight();
            if (roll < 0) {
                return town;
            }
        }
        throw new IllegalStateException();
    }

    private Model randomModel() {
        while (true) {
            int roll = random.nextInt(totalModelWeight);
            for (Model model : VehicleCatalog.MODELS) {
                roll -= model.weight();
                if (roll < 0) {
                    if (model.variants().stream().anyMatch(v -> v.fromYear() <= today.getYear())) {
                        return model;
                    }
                    break;
                }
            }
        }
    }

    private static Model model(String make, String name) {
        return VehicleCatalog.MODELS.stream().filter(m -> m.make().equals(make) && m.model().equals(name))
                .findFirst().orElseThrow();
    }

    private String newPlate() {
        while (true) {
            String plate = randomSivPlate();
            if (plates.add(plate)) {
                return plate;
            }
        }
    }

    private String newVin(Model model, int year) {
        while (true) {
            String wmi = model.wmis().get(random.nextInt(model.wmis().size()));
            char plant = Vin.ALPHABET.charAt(random.nextInt(Vin.ALPHABET.length()));
            String draft = wmi + model.vds() + "0" + Vin.modelYearCode(year) + plant
                    + String.format("%06d", random.nextInt(1_000_000));
            String vin = Vin.withCheckDigit(draft).value();
            if (vins.add(vin)) {
                return vin;
            }
        }
    }

    /** A plate the ordinary SIV series could issue ({@link Plate#isIssuable()}): two pairs and 001-999. */
    private String randomSivPlate() {
        while (true) {
            String plate = sivPair() + "-" + String.format("%03d", 1 + random.nextInt(999)) + "-" + sivPair();
            if (Plate.parse(plate).isIssuable()) {
                return plate;
            }
        }
    }

    private String sivPair() {
        while (true) {
            String pair = "" + letter() + letter();
            if (!pair.equals("SS") && !pair.equals("WW")) {
                return pair;
            }
        }
    }

    private char letter() {
        return Plate.SIV_LETTERS.charAt(random.nextInt(Plate.SIV_LETTERS.length()));
    }

    private String policyNumber(String insurer) {
        String prefix = slug(insurer).replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
        return prefix.substring(0, Math.min(4, prefix.length())) + "-" + today.getYear() % 100 + digits(8);
    }

    private String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(letter());
        }
        return text.toString();
    }

    private String digits(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String randomId() {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** A UUID that depends only on the name, so re-imports upsert the same rows whatever the date. */
    static String stableId(String name) {
        return UUID.nameUUIDFromBytes(("autochec-demo/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 -]", "").trim();
    }

    private static String arg(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
