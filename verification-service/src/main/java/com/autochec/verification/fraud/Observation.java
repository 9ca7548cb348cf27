package com.autochec.verification.fraud;

import com.autochec.contracts.vin.Vin;

/**
 * What the person checking saw or measured, compared with the registry: the make and colour they see
 * ({@code observed: {make, colour}}), a VIN they typed or that was read from a photo of the VIN plate, the
 * colour estimated around the plate on the photo (with its confidence), and where the check happened.
 * Every part is optional; {@link #NONE} has none.
 */
public record Observation(
        String make, String colour, Vin vin, String vinSource, Location location, String photoColour, Double photoColourConfidence) {

    public static final Observation NONE = new Observation(null, null, null, null, null, null, null);

    /** A check location, WGS 84 degrees. */
    public record Location(double lat, double lon) {}

    public boolean isEmpty() {
        return make == null && colour == null && vin == null && location == null && photoColour == null;
    }

    public Observation withVin(Vin read, String source) {
        return new Observation(make, colour, read, source, location, photoColour, photoColourConfidence);
    }

    /**
     * The colour seen: the observed one, else the photo's estimate when its confidence reaches {@code minConfidence};
     * null when neither.
     */
    public String colourSeen(double minConfidence) {
        if (colour != null) {
            return colour;
        }
        return photoColour != null && photoColourConfidence != null && photoColourConfidence >= minConfidence
                ? photoColour
                : null;
    }

    public Observation withPhotoColour(String colour, double confidence) {
        return new Observation(make, this.colour, vin, vinSource, location, colour, confidence);
    }
}
