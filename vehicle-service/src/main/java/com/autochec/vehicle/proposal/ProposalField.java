package com.autochec.vehicle.proposal;

import com.autochec.contracts.vin.Vin;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.vehicle.registry.VehicleData;
import com.autochec.vehicle.registry.VehicleDocument;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * What a proposal may change. Owners never propose VIN, make or model (identification: an agent's proposal
 * with a document, approved by an admin); STOLEN is a stolen report waiting for an admin; MILEAGE adds a
 * reading (source OWNER or AGENT by the proposer's role).
 */
enum ProposalField {
    COLOUR(false, 40),
    VARIANT(false, 120),
    CATEGORY(false, 40),
    FUEL(false, 40),
    FISCAL_POWER(false, 3),
    POWER_KW(false, 4),
    YEAR(false, 4),
    FIRST_REGISTRATION(false, 10),
    MAKE(true, 60),
    MODEL(true, 60),
    VIN(true, 17),
    MILEAGE(false, 7),
    STOLEN(false, 200);

    private final boolean identification;
    private final int maxLength;

    ProposalField(boolean identification, int maxLength) {
        this.identification = identification;
        this.maxLength = maxLength;
    }

    /** VIN, make, model: never from an owner. */
    boolean identification() {
        return identification;
    }

    /** {@code colour}, {@code COLOUR}, {@code fiscalPower}, {@code fiscal_power} alike. */
    static ProposalField parse(String name) {
        String key = name == null ? "" : name.strip().replace("_", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (key.equals("COLOR")) {
            return COLOUR;
        }
        for (ProposalField f : values()) {
            if (f.name().replace("_", "").equals(key)) {
                return f;
            }
        }
        throw ApiProblem.validation("field", "champ inconnu : colour, variant, category, fuel, fiscalPower, powerKw, "
                + "year, firstRegistration, make, model, vin, mileage ou stolen");
    }

    /** The value normalised (VIN upper case, numbers checked); 400 problem when it cannot be applied. */
    String normalise(String value) {
        String v = value == null ? "" : value.strip();
        if (this == STOLEN) {
            return v.isEmpty() ? null : v.length() > maxLength ? v.substring(0, maxLength) : v;
        }
        if (v.isEmpty() || v.length() > maxLength) {
            throw ApiProblem.validation("value", "valeur requise, au plus " + maxLength + " caractères");
        }
        try {
            return switch (this) {
                case VIN -> Vin.parse(v).value();
                case FISCAL_POWER -> String.valueOf(range(v, 1, 999));
                case POWER_KW -> String.valueOf(range(v, 1, 2000));
                case YEAR -> String.valueOf(range(v, 1886, 2100));
                case MILEAGE -> String.valueOf(range(v, 0, 5_000_000));
                case FIRST_REGISTRATION -> LocalDate.parse(v).toString();
                default -> v;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiProblem.validation("value", "valeur invalide pour " + this.name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("value", e.getMessage());
        }
    }

    private static int range(String v, int min, int max) {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            throw new IllegalArgumentException("entre " + min + " et " + max);
        }
        return n;
    }

    /** The vehicle's current value of the field (null when none). */
    String current(VehicleDocument v) {
        Object value = switch (this) {
            case COLOUR -> v.colour();
            case VARIANT -> v.variant();
            case CATEGORY -> v.category();
            case FUEL -> v.fuel();
            case FISCAL_POWER -> v.fiscalPower();
            case POWER_KW -> v.powerKw();
            case YEAR -> v.year();
            case FIRST_REGISTRATION -> v.firstRegistration();
            case MAKE -> v.make();
            case MODEL -> v.model();
            case VIN -> v.vin();
            case MILEAGE -> v.lastMileage() == null ? null : v.lastMileage().km();
            case STOLEN -> v.stolen();
        };
        return value == null ? null : String.valueOf(value);
    }

    /** The vehicle data with the field set (not for MILEAGE and STOLEN, which are not data fields). */
    VehicleData apply(VehicleData d, String value) {
        String colour = this == COLOUR ? value : d.colour();
        String variant = this == VARIANT ? value : d.variant();
        String category = this == CATEGORY ? value : d.category();
        String fuel = this == FUEL ? value : d.fuel();
        Integer fiscal = this == FISCAL_POWER ? Integer.valueOf(value) : d.fiscalPower();
        Integer power = this == POWER_KW ? Integer.valueOf(value) : d.powerKw();
        int year = this == YEAR ? Integer.parseInt(value) : d.year();
        LocalDate first = this == FIRST_REGISTRATION ? LocalDate.parse(value) : d.firstRegistration();
        String make = this == MAKE ? value : d.make();
        String model = this == MODEL ? value : d.model();
        String vin = this == VIN ? value : d.vin();
        Objects.requireNonNull(value);
        return new VehicleData(d.plate(), vin, make, model, variant, year, colour, category, fuel, fiscal, power, first,
                d.owner());
    }

    /** The name used in the API ({@code colour}, {@code fiscalPower}...). */
    String apiName() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }
}
