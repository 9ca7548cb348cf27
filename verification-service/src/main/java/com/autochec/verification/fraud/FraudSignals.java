package com.autochec.verification.fraud;

import com.autochec.verification.rules.Reason;
import com.autochec.verification.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fraud signals of one check. Pure: the registry's vehicle, what was observed, the plate's recent
 * sightings and the time are given.
 *
 * <ul>
 *   <li>{@code ATTRIBUTES_COLOUR_MISMATCH}, {@code ATTRIBUTES_MAKE_MISMATCH} (WARNING): what the agent sees, or
 *       the colour estimated on the photo, differs from the registry;
 *   <li>{@code VIN_MISMATCH} (FAIL): a VIN typed, or read with confidence on a photo of the VIN plate
 *       ({@link #vinPhoto}), differs from the registry's;
 *   <li>{@code PLATE_SEEN_ON_OTHER_VEHICLE} (WARNING): the plate was seen recently on a car of another
 *       make, colour or VIN;
 *   <li>{@code IMPOSSIBLE_TRAVEL} (WARNING): the plate was checked elsewhere too recently for one car to
 *       have driven between the two places.
 * </ul>
 *
 * @param maxSpeedKmh the fastest average speed believed between two checks
 * @param minDistanceKm distances below this are never "impossible" (GPS noise, neighbouring checks)
 * @param minPhotoColourConfidence a photo colour estimate below this confidence is not compared
 */
public record FraudSignals(
        double maxSpeedKmh, double minDistanceKm, double minPhotoColourConfidence, double minVinPhotoConfidence) {

    public static final FraudSignals DEFAULTS = new FraudSignals(200, 20, 0.6, 0.6);

    /** A VIN read on a photo with at least this confidence is compared with the registry. */
    public static final double MIN_VIN_PHOTO_CONFIDENCE = 0.6;
    /** A colour estimated on a photo with at least this confidence is compared with the registry and sightings. */
    public static final double MIN_PHOTO_COLOUR_CONFIDENCE = 0.6;

    public FraudSignals(double maxSpeedKmh, double minDistanceKm, double minPhotoColourConfidence) {
        this(maxSpeedKmh, minDistanceKm, minPhotoColourConfidence, MIN_VIN_PHOTO_CONFIDENCE);
    }

    /**
     * What the photo of the VIN plate says, for agents and admins: {@code VIN_MATCH} (INFO) when the VIN read is the
     * registry's, {@code VIN_MISMATCH} (FAIL, source PHOTO) when another VIN was read with confidence, and
     * {@code VIN_PHOTO_UNREADABLE} (INFO) when nothing, or nothing certain, was read. Nothing when the registry has
     * no VIN or there was no VIN photo.
     */
    public List<Reason> vinPhoto(Registered registered, VinReading reading) {
        if (reading == null || registered == null || registered.vin() == null) {
            return List.of();
        }
        String confidence = String.format(Locale.ROOT, "%.2f", reading.confidence());
        if (reading.success() && registered.vin().equals(reading.vin())) {
            return List.of(Reason.of("VIN_MATCH", Severity.INFO,
                    "Le VIN lu sur la photo est celui du véhicule immatriculé sous cette plaque.",
                    "The VIN read on the photo is the VIN registered with this plate.",
                    "observed", reading.vin(), "registered", registered.vin(), "source", "PHOTO", "confidence", confidence));
        }
        if (reading.success() && reading.confidence() >= minVinPhotoConfidence) {
            return List.of(Reason.of("VIN_MISMATCH", Severity.FAIL,
                    "Le VIN lu sur la photo (" + reading.vin() + ") n'est pas celui du véhicule immatriculé sous cette "
                            + "plaque.",
                    "The VIN read on the photo (" + reading.vin() + ") is not the VIN registered with this plate.",
                    "observed", reading.vin(), "registered", registered.vin(), "source", "PHOTO",
                    "confidence", confidence));
        }
        String why = reading.success() ? "LOW_CONFIDENCE" : reading.failure();
        return List.of(Reason.of("VIN_PHOTO_UNREADABLE", Severity.INFO,
                "Le VIN n'a pas pu être lu avec certitude sur la photo (" + why + ") : comparez-le à l'œil ou "
                        + "saisissez-le.",
                "The VIN could not be read with certainty on the photo (" + why + "): compare it by eye or type it.",
                "failure", why, "read", reading.vin(), "confidence", confidence, "source", "PHOTO"));
    }

    /**
     * The codes of the fraud signals, each published to admins as a {@code FraudSignalRaised} event when a check
     * raises it.
     */
    public static final java.util.Set<String> CODES = java.util.Set.of("ATTRIBUTES_COLOUR_MISMATCH",
            "ATTRIBUTES_MAKE_MISMATCH", "VIN_MISMATCH", "PLATE_SEEN_ON_OTHER_VEHICLE", "IMPOSSIBLE_TRAVEL");

    /** The fraud signals among a check's reasons, in order. */
    public static List<Reason> raised(List<Reason> reasons) {
        return reasons == null ? List.of() : reasons.stream().filter(r -> r != null && CODES.contains(r.code())).toList();
    }

    /** What the registry says of the vehicle. */
    public record Registered(String plate, String make, String colour, String vin) {}

    public List<Reason> evaluate(
            Registered registered, Observation observed, List<Sighting> recent, String checkId, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        if (observed == null || observed.isEmpty()) {
            return reasons;
        }
        if (registered != null) {
            attributes(registered, observed, reasons);
        }
        for (Sighting previous : recent) {
            if (previous.checkId().equals(checkId)) {
                continue;
            }
            Reason clone = otherVehicle(observed, previous);
            if (clone != null) {
                reasons.add(clone);
                break;
            }
        }
        for (Sighting previous : recent) {
            if (previous.checkId().equals(checkId)) {
                continue;
            }
            Reason travel = impossibleTravel(observed, previous, now);
            if (travel != null) {
                reasons.add(travel);
                break;
            }
        }
        return reasons;
    }

    private void attributes(Registered registered, Observation observed, List<Reason> reasons) {
        if (observed.colour() != null && Attributes.coloursDiffer(observed.colour(), registered.colour())) {
            reasons.add(Reason.of("ATTRIBUTES_COLOUR_MISMATCH", Severity.WARNING,
                    "Couleur constatée « " + observed.colour() + " » différente de la couleur enregistrée « "
                            + registered.colour() + " » : plaque doublée ou véhicule repeint ?",
                    "Observed colour '" + observed.colour() + "' differs from the registered colour '"
                            + registered.colour() + "': a cloned plate or a repaint?",
                    "observed", observed.colour(), "observedFamily", Attributes.colourFamily(observed.colour()).orElse(null),
                    "registered", registered.colour(),
                    "registeredFamily", Attributes.colourFamily(registered.colour()).orElse(null),
                    "source", "OBSERVED"));
        } else if (observed.colour() == null
                && observed.photoColour() != null
                && observed.photoColourConfidence() != null
                && observed.photoColourConfidence() >= minPhotoColourConfidence
                && Attributes.coloursDiffer(observed.photoColour(), registered.colour())) {
            reasons.add(Reason.of("ATTRIBUTES_COLOUR_MISMATCH", Severity.WARNING,
                    "Couleur estimée sur la photo (" + observed.photoColour() + ") différente de la couleur enregistrée « "
                            + registered.colour() + " ».",
                    "Colour estimated on the photo (" + observed.photoColour() + ") differs from the registered colour '"
                            + registered.colour() + "'.",
                    "observed", observed.photoColour(), "registered", registered.colour(), "source", "PHOTO",
                    "confidence", String.format(Locale.ROOT, "%.2f", observed.photoColourConfidence())));
        }
        if (observed.make() != null && Attributes.makesDiffer(observed.make(), registered.make())) {
            reasons.add(Reason.of("ATTRIBUTES_MAKE_MISMATCH", Severity.WARNING,
                    "Marque constatée « " + observed.make() + " » différente de la marque enregistrée « "
                            + registered.make() + " » : plaque doublée ?",
                    "Observed make '" + observed.make() + "' differs from the registered make '" + registered.make()
                            + "': a cloned plate?",
                    "observed", observed.make(), "registered", registered.make(), "source", "OBSERVED"));
        }
        if (observed.vin() != null && registered.vin() != null && !observed.vin().value().equals(registered.vin())) {
            reasons.add(Reason.of("VIN_MISMATCH", Severity.FAIL,
                    "Le VIN relevé sur le véhicule (" + observed.vin().value() + ") n'est pas celui du véhicule "
                            + "immatriculé sous cette plaque.",
                    "The VIN read on the vehicle (" + observed.vin().value() + ") is not the VIN registered with this plate.",
                    "observed", observed.vin().value(), "registered", registered.vin(),
                    "source", observed.vinSource() == null ? "TYPED" : observed.vinSource()));
        }
    }

    private Reason otherVehicle(Observation observed, Sighting previous) {
        String what = null;
        String seen = null;
        String now = null;
        if (observed.vin() != null && previous.vin() != null && !observed.vin().value().equals(previous.vin())) {
            what = "VIN";
            seen = previous.vin();
            now = observed.vin().value();
        } else if (Attributes.makesDiffer(observed.make(), previous.make())) {
            what = "make";
            seen = previous.make();
            now = observed.make();
        } else {
            String colour = observed.colourSeen(minPhotoColourConfidence);
            if (Attributes.coloursDiffer(colour, previous.colour())) {
                what = "colour";
                seen = previous.colour();
                now = colour;
            }
        }
        if (what == null) {
            return null;
        }
        return Reason.of("PLATE_SEEN_ON_OTHER_VEHICLE", Severity.WARNING,
                "Cette plaque a été vue récemment sur un autre véhicule (" + frWhat(what) + " « " + seen + " » le "
                        + previous.at() + ") : plaque doublée ?",
                "This plate was seen recently on another vehicle (" + what + " '" + seen + "' at " + previous.at()
                        + "): a cloned plate?",
                "attribute", what, "previous", seen, "current", now, "previousCheckId", previous.checkId(),
                "previousAt", previous.at());
    }

    private static String frWhat(String what) {
        return switch (what) {
            case "make" -> "marque";
            case "colour" -> "couleur";
            default -> what;
        };
    }

    private Reason impossibleTravel(Observation observed, Sighting previous, Instant now) {
        if (observed.location() == null || !previous.located()) {
            return null;
        }
        double km = distanceKm(previous.lat(), previous.lon(), observed.location().lat(), observed.location().lon());
        if (km < minDistanceKm) {
            return null;
        }
        // either order: a check sent late from an offline queue is sighted before sightings recorded since
        Duration apart = Duration.between(previous.at(), now).abs();
        double hours = Math.max(apart.toMillis(), 1) / 3_600_000.0;
        double speed = km / hours;
        if (speed <= maxSpeedKmh) {
            return null;
        }
        long minutes = apart.toMinutes();
        String kmText = String.format(Locale.ROOT, "%.0f", km);
        return Reason.of("IMPOSSIBLE_TRAVEL", Severity.WARNING,
                "Cette plaque a été contrôlée à " + kmText + " km d'ici il y a " + minutes
                        + " min : aucun véhicule ne peut faire ce trajet, plaque doublée ?",
                "This plate was checked " + kmText + " km away " + minutes
                        + " min ago: no car can drive that far so fast; a cloned plate?",
                "distanceKm", kmText, "minutes", minutes,
                "requiredKmh", String.format(Locale.ROOT, "%.0f", speed),
                "maxKmh", String.format(Locale.ROOT, "%.0f", maxSpeedKmh),
                "previousCheckId", previous.checkId(), "previousAt", previous.at(),
                "previousLocation", previous.lat() + "," + previous.lon(),
                "location", observed.location().lat() + "," + observed.location().lon());
    }

    /** Great-circle distance (haversine, mean Earth radius). */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
