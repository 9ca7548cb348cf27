package com.autochec.localstack.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The generated demo data set, in the CSV formats of {@code POST /api/vehicles/import} and {@code /api/documents/import}. */
public record DemoData(List<Vehicle> vehicles, List<VehicleDocument> documents) {

    static final String VEHICLES_HEADER = "plate,vin,make,model,variant,year,colour,category,fuel,fiscal_power,power_kw,"
            + "first_registration,stolen,owner_id,owner_kind,owner_name,owner_street,owner_postal_code,owner_town,"
            + "owner_email,owner_account_id,statuses,mileage";
    static final String DOCUMENTS_HEADER = "document_id,vin,plate,type,issuer,reference,valid_from,valid_until,result,status";

    /** An owner of one or more vehicles: a person or a company. */
    public record Owner(String id, String kind, String name, String street, String postalCode, String town,
            String email, String accountId) {
    }

    /**
     * One vehicles.csv row. {@code statuses}: administrative flags separated by ';' (GAGE, OPPOSITION...), empty
     * for none; {@code mileage}: readings {@code date:km:source} separated by ';', empty for none.
     */
    public record Vehicle(String plate, String vin, String make, String model, String variant, int year,
            String colour, String category, String fuel, int fiscalPower, int powerKw, String firstRegistration,
            boolean stolen, Owner owner, String statuses, String mileage) {

        public Vehicle(String plate, String vin, String make, String model, String variant, int year,
                String colour, String category, String fuel, int fiscalPower, int powerKw, String firstRegistration,
                boolean stolen, Owner owner) {
            this(plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower, powerKw,
                    firstRegistration, stolen, owner, "", "");
        }

        String toCsv() {
            return csv(plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower, powerKw,
                    firstRegistration, stolen, owner.id(), owner.kind(), owner.name(), owner.street(),
                    owner.postalCode(), owner.town(), owner.email(), owner.accountId(), statuses, mileage);
        }
    }

    /** One documents.csv row ({@code validUntil} and {@code result} may be empty). */
    public record VehicleDocument(String id, String vin, String plate, String type, String issuer, String reference,
            String validFrom, String validUntil, String result, String status) {

        String toCsv() {
            return csv(id, vin, plate, type, issuer, reference, validFrom, validUntil, result, status);
        }
    }

    /** Writes {@code vehicles.csv} and {@code documents.csv} into the folder. */
    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        write(folder.resolve("vehicles.csv"), VEHICLES_HEADER, vehicles.stream().map(Vehicle::toCsv).toList());
        write(folder.resolve("documents.csv"), DOCUMENTS_HEADER,
                documents.stream().map(VehicleDocument::toCsv).toList());
    }

    private static void write(Path file, String header, List<String> lines) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write(header);
            writer.write('\n');
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String csv(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values[i] == null ? "" : String.valueOf(values[i]);
            if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }
}
