package com.autochec.verification.fraud;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One sighting of a plate ({@code sightings}, {@code _id} = the check id): when and where a check saw it
 * and what was observed (make, colour, VIN). Written only by checks that carry an observation or a
 * location; read by plate and time ({@code plate_at}) to notice one plate on two cars or in two places.
 */
@Document(Sighting.COLLECTION)
public record Sighting(
        @Id String checkId,
        String plate,
        Instant at,
        String make,
        String colour,
        String vin,
        Double lat,
        Double lon) {

    static final String COLLECTION = "sightings";

    static Sighting of(String checkId, String plate, Instant at, Observation o) {
        return new Sighting(
                checkId,
                plate,
                at,
                o.make(),
                o.colourSeen(FraudSignals.MIN_PHOTO_COLOUR_CONFIDENCE),
                o.vin() == null ? null : o.vin().value(),
                o.location() == null ? null : o.location().lat(),
                o.location() == null ? null : o.location().lon());
    }

    boolean located() {
        return lat != null && lon != null;
    }
}
