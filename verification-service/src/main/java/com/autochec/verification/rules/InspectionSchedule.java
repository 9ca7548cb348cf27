package com.autochec.verification.rules;

import java.util.Locale;

/**
 * When a vehicle of a category needs its technical inspection (contrôle technique) in France: the first
 * one before the {@code firstYears}th anniversary of first registration, then every {@code everyYears}.
 *
 * <table>
 *   <caption>Rule table</caption>
 *   <tr><th>categories</th><th>first</th><th>then</th></tr>
 *   <tr><td>M1 (private cars), N1 (light vans ≤ 3.5 t), VP, CTTE, unknown</td><td>4 years</td><td>every 2 years</td></tr>
 *   <tr><td>L1e–L7e (two- and three-wheelers, quads; since April 2024), MTL, MTT, CL</td><td>5 years</td><td>every 3 years</td></tr>
 *   <tr><td>M2, M3 (buses), N2, N3 (lorries), O3, O4 (heavy trailers)</td><td>1 year</td><td>every year</td></tr>
 * </table>
 *
 * <p>Once a vehicle has an inspection on record, its next due date is the one the admin confirmed on it
 * ({@code validUntil}); the table gives only the first due date. A failed inspection leaves
 * {@link #COUNTER_VISIT_MONTHS} months for a counter-visit.
 */
public record InspectionSchedule(String name, int firstYears, int everyYears) {

    public static final int COUNTER_VISIT_MONTHS = 2;

    static final InspectionSchedule CAR = new InspectionSchedule("CAR", 4, 2);
    static final InspectionSchedule TWO_WHEELER = new InspectionSchedule("TWO_WHEELER", 5, 3);
    static final InspectionSchedule HEAVY = new InspectionSchedule("HEAVY", 1, 1);

    public static InspectionSchedule of(String category) {
        if (category == null) {
            return CAR;
        }
        String c = category.strip().toUpperCase(Locale.ROOT);
        if (c.startsWith("L") || c.equals("MTL") || c.equals("MTT") || c.equals("CL") || c.startsWith("MOTO")) {
            return TWO_WHEELER;
        }
        if (c.equals("M2") || c.equals("M3") || c.equals("N2") || c.equals("N3") || c.equals("O3") || c.equals("O4")) {
            return HEAVY;
        }
        return CAR;
    }
}
