package com.autochec.vehicle.importing;

import com.autochec.vehicle.registry.AdminStatus;
import com.autochec.vehicle.registry.MileageReading;
import com.autochec.vehicle.registry.MileageSource;
import com.autochec.vehicle.registry.OwnerRequest;
import com.autochec.vehicle.registry.VehicleRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the vehicle CSV of docs/architecture.md into valid rows and per-row errors. A row is checked
 * with the same bean-validation rules as the API's {@link VehicleRequest}; errors name the CSV columns.
 */
final class VehicleCsv {

    static final List<String> COLUMNS = List.of(
            "plate",
            "vin",
            "make",
            "model",
            "variant",
            "year",
            "colour",
            "category",
            "fuel",
            "fiscal_power",
            "power_kw",
            "first_registration",
            "stolen",
            "owner_id",
            "owner_kind",
            "owner_name",
            "owner_street",
            "owner_postal_code",
            "owner_town",
            "owner_email",
            "owner_account_id",
            "statuses",
            "mileage");

    static final List<String> REQUIRED_COLUMNS = List.of("plate", "vin", "make", "model", "year");

    private static final Map<String, String> PROPERTY_COLUMNS = Map.ofEntries(
            Map.entry("plate", "plate"),
            Map.entry("vin", "vin"),
            Map.entry("make", "make"),
            Map.entry("model", "model"),
            Map.entry("variant", "variant"),
            Map.entry("year", "year"),
            Map.entry("colour", "colour"),
            Map.entry("category", "category"),
            Map.entry("fuel", "fuel"),
            Map.entry("fiscalPower", "fiscal_power"),
            Map.entry("powerKw", "power_kw"),
            Map.entry("firstRegistration", "first_registration"),
            Map.entry("owner.ownerId", "owner_id"),
            Map.entry("owner.kind", "owner_kind"),
            Map.entry("owner.name", "owner_name"),
            Map.entry("owner.street", "owner_street"),
            Map.entry("owner.postalCode", "owner_postal_code"),
            Map.entry("owner.town", "owner_town"),
            Map.entry("owner.email", "owner_email"),
            Map.entry("owner.accountId", "owner_account_id"));

    record Parsed(List<VehicleRow> rows, List<RowError> errors) {}

    private final Validator validator;

    VehicleCsv(Validator validator) {
        this.validator = validator;
    }

    Parsed parse(String text) {
        List<CsvReader.Record> records;
        List<RowError> errors = new ArrayList<>();
        try {
            records = CsvReader.read(text);
        } catch (CsvReader.MalformedCsvException e) {
            // keep the rows before the broken one; report the rest as unreadable
            records = CsvReader.read(text.substring(0, offsetOfLine(text, e.line())));
            errors.add(new RowError(e.line(), e.getMessage() + "; this row and the rest of the file were not read"));
        }
        if (records.isEmpty()) {
            throw new CsvFileException("header", "the file is empty; expected the header " + String.join(",", COLUMNS));
        }
        Map<String, Integer> header = header(records.get(0));
        List<VehicleRow> rows = new ArrayList<>(records.size());
        for (CsvReader.Record record : records.subList(1, records.size())) {
            Object result = row(header, record);
            if (result instanceof VehicleRow row) {
                rows.add(row);
            } else {
                errors.add((RowError) result);
            }
        }
        errors.sort(Comparator.comparingInt(RowError::line));
        return new Parsed(rows, errors);
    }

    private static Map<String, Integer> header(CsvReader.Record record) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            String name = record.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new CsvFileException("header", "unknown column '" + abbreviate(name) + "'; expected " + String.join(",", COLUMNS));
            }
            if (header.put(name, i) != null) {
                throw new CsvFileException("header", "column '" + name + "' appears twice");
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!header.containsKey(required)) {
                throw new CsvFileException("header", "missing column '" + required + "'");
            }
        }
        return header;
    }

    /** A {@link VehicleRow} or a {@link RowError}. */
    private Object row(Map<String, Integer> header, CsvReader.Record record) {
        if (record.fields().size() != header.size()) {
            return new RowError(
                    record.line(), "expected " + header.size() + " fields, found " + record.fields().size());
        }
        Map<String, String> problems = new HashMap<>();
        Cells cells = new Cells(header, record.fields());

        Integer year = integer(cells, "year", problems);
        Integer fiscalPower = integer(cells, "fiscal_power", problems);
        Integer powerKw = integer(cells, "power_kw", problems);
        LocalDate firstRegistration = null;
        String date = cells.get("first_registration");
        if (date != null) {
            try {
                firstRegistration = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.put("first_registration", "must be a date yyyy-MM-dd");
            }
        }
        Boolean stolen = null;
        String stolenCell = cells.get("stolen");
        if (stolenCell != null) {
            switch (stolenCell.toLowerCase(Locale.ROOT)) {
                case "true" -> stolen = true;
                case "false" -> stolen = false;
                default -> problems.put("stolen", "must be true or false");
            }
        }
        Set<AdminStatus> statuses = statuses(cells.get("statuses"), problems);
        List<MileageReading> mileage = mileage(cells.get("mileage"), problems);
        OwnerRequest owner = null;
        if (COLUMNS.stream().filter(c -> c.startsWith("owner_")).anyMatch(c -> cells.get(c) != null)) {
            if (cells.get("owner_id") == null) {
                problems.put("owner_id", "is required when an owner is given");
            }
            owner = new OwnerRequest(
                    cells.get("owner_id"),
                    cells.get("owner_kind") == null ? null : cells.get("owner_kind").toUpperCase(Locale.ROOT),
                    cells.get("owner_name"),
                    cells.get("owner_street"),
                    cells.get("owner_postal_code"),
                    cells.get("owner_town"),
                    cells.get("owner_email"),
                    cells.get("owner_account_id"));
        }
        VehicleRequest request = new VehicleRequest(
                cells.get("plate"),
                cells.get("vin"),
                cells.get("make"),
                cells.get("model"),
                cells.get("variant"),
                year,
                cells.get("colour"),
                cells.get("category"),
                cells.get("fuel"),
                fiscalPower,
                powerKw,
                firstRegistration,
                owner);
        for (ConstraintViolation<VehicleRequest> violation : validator.validate(request)) {
            String column = PROPERTY_COLUMNS.getOrDefault(violation.getPropertyPath().toString(), "row");
            problems.putIfAbsent(column, violation.getMessage());
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (String column : COLUMNS) {
                String problem = problems.get(column);
                if (problem != null) {
                    message.append(message.isEmpty() ? "" : "; ").append(column).append(": ").append(problem);
                }
            }
            return new RowError(record.line(), message.toString());
        }
        String ownerId = owner == null ? null : owner.ownerId();
        return new VehicleRow(record.line(), request.toData(() -> ownerId), stolen, statuses, mileage);
    }

    /** {@code GAGE;OPPOSITION} (any of the flags but STOLEN, which is its own column), {@code NORMAL} = none. */
    private static Set<AdminStatus> statuses(String cell, Map<String, String> problems) {
        if (cell == null) {
            return null;
        }
        Set<AdminStatus> flags = EnumSet.noneOf(AdminStatus.class);
        for (String part : cell.split(";")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            try {
                AdminStatus status = AdminStatus.valueOf(name);
                if (status == AdminStatus.STOLEN) {
                    problems.put("statuses", "STOLEN is the stolen column");
                } else if (status != AdminStatus.NORMAL) {
                    flags.add(status);
                }
            } catch (IllegalArgumentException e) {
                problems.put("statuses", "unknown status '" + abbreviate(name)
                        + "'; expected NORMAL, GAGE, OPPOSITION, CERTIFICATE_LOST, CERTIFICATE_STOLEN, DESTROYED, EXPORTED");
            }
        }
        return flags;
    }

    /** {@code 2021-03-15:42000:CT;2023-03-10:38000:OWNER} (source optional, IMPORT by default). */
    private static List<MileageReading> mileage(String cell, Map<String, String> problems) {
        if (cell == null) {
            return null;
        }
        List<MileageReading> readings = new ArrayList<>();
        for (String part : cell.split(";")) {
            String[] bits = part.strip().split(":");
            try {
                if (bits.length < 2 || bits.length > 3) {
                    throw new IllegalArgumentException();
                }
                LocalDate date = LocalDate.parse(bits[0].strip());
                int km = Integer.parseInt(bits[1].strip());
                if (km < 0 || km > 5_000_000) {
                    throw new IllegalArgumentException();
                }
                MileageSource source = bits.length == 3
                        ? MileageSource.valueOf(bits[2].strip().toUpperCase(Locale.ROOT))
                        : MileageSource.IMPORT;
                readings.add(new MileageReading(date, km, source, false, null, null));
            } catch (RuntimeException e) {
                problems.put("mileage", "readings are date:km[:source] separated by ';' (e.g. 2021-03-15:42000:CT)");
            }
        }
        return readings;
    }

    private static Integer integer(Cells cells, String column, Map<String, String> problems) {
        String value = cells.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.put(column, "must be a whole number");
            return null;
        }
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return text.length();
            }
        }
        return offset;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** Cell values by column name: stripped, blank = absent = null. */
    private record Cells(Map<String, Integer> header, List<String> fields) {
        String get(String column) {
            Integer index = header.get(column);
            if (index == null) {
                return null;
            }
            String value = fields.get(index).strip();
            return value.isEmpty() ? null : value;
        }
    }
}
