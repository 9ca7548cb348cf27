package com.autochec.verification.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.check.ReasonCodes;
import com.autochec.contracts.vin.Vin;
import com.autochec.verification.rules.Reason;
import com.autochec.verification.rules.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FraudSignalsTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String VIN = "VF3ABCDEF12345678";
    private static final FraudSignals.Registered WHITE_PEUGEOT =
            new FraudSignals.Registered("AB-123-CD", "Peugeot", "Blanc", Vin.withCheckDigit("VF3CC8HR0LW123456").value());
    private static final Observation.Location PARIS = new Observation.Location(48.8566, 2.3522);
    private static final Observation.Location LYON = new Observation.Location(45.7640, 4.8357);
    private static final Observation.Location MARSEILLE = new Observation.Location(43.2965, 5.3698);

    private static Observation observed(String make, String colour) {
        return new Observation(make, colour, null, null, null, null, null);
    }

    private static Observation at(Observation.Location where) {
        return new Observation(null, null, null, null, where, null, null);
    }

    private static List<String> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    static Stream<Arguments> attributes() {
        return Stream.of(
                Arguments.of("rouge on a white car", observed(null, "rouge"), List.of("ATTRIBUTES_COLOUR_MISMATCH")),
                Arguments.of("blanche on a white car", observed(null, "blanche"), List.of()),
                Arguments.of("white (English) on a white car", observed(null, "White"), List.of()),
                Arguments.of("beige on a white car: too close to tell", observed(null, "beige"), List.of()),
                Arguments.of("an unknown colour name is not compared", observed(null, "caca d'oie"), List.of()),
                Arguments.of("Renault on a Peugeot", observed("Renault", null), List.of("ATTRIBUTES_MAKE_MISMATCH")),
                Arguments.of("peugeot, lower case", observed("peugeot", null), List.of()),
                Arguments.of("both differ", observed("Renault", "noir"), List.of("ATTRIBUTES_COLOUR_MISMATCH", "ATTRIBUTES_MAKE_MISMATCH")),
                Arguments.of("photo colour, confident", new Observation(null, null, null, null, null, "RED", 0.9),
                        List.of("ATTRIBUTES_COLOUR_MISMATCH")),
                Arguments.of("photo colour, unsure", new Observation(null, null, null, null, null, "RED", 0.3), List.of()),
                Arguments.of("a typed VIN that differs", new Observation(null, null, Vin.parse(VIN), "TYPED", null, null, null),
                        List.of("VIN_MISMATCH")),
                Arguments.of("the registered VIN", new Observation(null, null, Vin.parse(WHITE_PEUGEOT.vin()), "TYPED", null, null, null),
                        List.of()),
                Arguments.of("nothing observed", Observation.NONE, List.of()));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource
    void attributes(String name, Observation observation, List<String> expected) {
        List<Reason> reasons = FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, observation, List.of(), "c-now", NOW);
        assertThat(codes(reasons)).containsExactlyElementsOf(expected);
    }

    @Test
    void aColourMismatchIsAWarningWithItsEvidence() {
        Reason reason = FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, observed(null, "rouge"), List.of(), "c", NOW).get(0);
        assertThat(reason.severity()).isEqualTo(Severity.WARNING);
        assertThat(reason.evidence()).containsEntry("observed", "rouge").containsEntry("registered", "Blanc")
                .containsEntry("observedFamily", "RED").containsEntry("registeredFamily", "WHITE");
        assertThat(reason.messageFr()).contains("rouge", "Blanc");
    }

    @Test
    void aVinMismatchFails() {
        Reason reason = FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT,
                new Observation(null, null, Vin.parse(VIN), "PHOTO", null, null, null), List.of(), "c", NOW).get(0);
        assertThat(reason.severity()).isEqualTo(Severity.FAIL);
        assertThat(reason.evidence()).containsEntry("observed", VIN).containsEntry("source", "PHOTO");
    }

    @Test
    void aVinPhotoIsAMatchAMismatchWhenConfidentAndUnreadableOtherwise() {
        String registered = WHITE_PEUGEOT.vin();
        Reason match = FraudSignals.DEFAULTS.vinPhoto(WHITE_PEUGEOT,
                new VinReading(true, registered, 0.4, null, null, "tesseract-vin")).get(0);
        assertThat(match.code()).isEqualTo("VIN_MATCH");
        assertThat(match.severity()).isEqualTo(Severity.INFO);

        Reason mismatch = FraudSignals.DEFAULTS.vinPhoto(WHITE_PEUGEOT,
                new VinReading(true, VIN, 0.6, null, null, "tesseract-vin")).get(0);
        assertThat(mismatch.code()).isEqualTo("VIN_MISMATCH");
        assertThat(mismatch.severity()).isEqualTo(Severity.FAIL);
        assertThat(mismatch.evidence()).containsEntry("observed", VIN).containsEntry("registered", registered)
                .containsEntry("source", "PHOTO").containsEntry("confidence", "0.60");

        Reason unsure = FraudSignals.DEFAULTS.vinPhoto(WHITE_PEUGEOT,
                new VinReading(true, VIN, 0.59, null, null, "tesseract-vin")).get(0);
        assertThat(unsure.code()).isEqualTo("VIN_PHOTO_UNREADABLE");
        assertThat(unsure.severity()).isEqualTo(Severity.INFO);
        assertThat(unsure.evidence()).containsEntry("failure", "LOW_CONFIDENCE");

        Reason unread = FraudSignals.DEFAULTS.vinPhoto(WHITE_PEUGEOT, VinReading.timedOut()).get(0);
        assertThat(unread.code()).isEqualTo("VIN_PHOTO_UNREADABLE");
        assertThat(unread.evidence()).containsEntry("failure", "TIMEOUT");

        assertThat(FraudSignals.DEFAULTS.vinPhoto(WHITE_PEUGEOT, null)).isEmpty();
        assertThat(FraudSignals.DEFAULTS.vinPhoto(new FraudSignals.Registered("AB-123-CD", "Peugeot", "Blanc", null),
                new VinReading(true, VIN, 0.9, null, null, "tesseract-vin"))).isEmpty();
    }

    @Test
    void aPhotoColourBelowTheConfidenceNeitherMismatchesNorMakesASighting() {
        Observation unsure = new Observation(null, null, null, null, null, "Rouge", 0.5);
        assertThat(FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, unsure, List.of(), "c", NOW)).isEmpty();
        assertThat(unsure.colourSeen(FraudSignals.MIN_PHOTO_COLOUR_CONFIDENCE)).isNull();
        Observation sure = new Observation(null, null, null, null, null, "Rouge", 0.8);
        assertThat(codes(FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, sure, List.of(), "c", NOW)))
                .containsExactly("ATTRIBUTES_COLOUR_MISMATCH");
        assertThat(sure.colourSeen(FraudSignals.MIN_PHOTO_COLOUR_CONFIDENCE)).isEqualTo("Rouge");
    }

    static Stream<Arguments> travel() {
        return Stream.of(
                Arguments.of("Paris then Lyon (392 km) 10 minutes later", PARIS, LYON, 10, true),
                Arguments.of("Paris then Marseille (~660 km) 10 minutes later", PARIS, MARSEILLE, 10, true),
                Arguments.of("Paris then Lyon 4 hours later", PARIS, LYON, 240, false),
                Arguments.of("Paris then Lyon 90 minutes later (261 km/h)", PARIS, LYON, 90, true),
                Arguments.of("the same place a minute later", PARIS, new Observation.Location(48.86, 2.36), 1, false),
                // a check captured offline, sent after a later sighting of the plate was recorded
                Arguments.of("Paris sighted 4 hours after this check in Lyon", PARIS, LYON, -240, false),
                Arguments.of("Paris sighted 10 minutes after this check in Lyon", PARIS, LYON, -10, true));
    }

    @ParameterizedTest(name = "{0} → impossible: {4}")
    @MethodSource
    void travel(String name, Observation.Location before, Observation.Location now, int minutes, boolean impossible) {
        Sighting previous = new Sighting("c-before", "AB-123-CD", NOW.minus(minutes, ChronoUnit.MINUTES), null, null, null,
                before.lat(), before.lon());
        List<Reason> reasons = FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, at(now), List.of(previous), "c-now", NOW);
        assertThat(codes(reasons).contains("IMPOSSIBLE_TRAVEL")).isEqualTo(impossible);
    }

    @Test
    void fiveHundredKilometresInTenMinutesIsImpossibleTravelWithEvidence() {
        Observation.Location far = new Observation.Location(48.8566, 2.3522 + 500 / (111.32 * Math.cos(Math.toRadians(48.8566))));
        Sighting previous = new Sighting("c-before", "AB-123-CD", NOW.minus(10, ChronoUnit.MINUTES), null, null, null,
                PARIS.lat(), PARIS.lon());
        Reason reason = FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, at(far), List.of(previous), "c-now", NOW).get(0);
        assertThat(reason.code()).isEqualTo("IMPOSSIBLE_TRAVEL");
        assertThat(reason.evidence()).containsEntry("minutes", "10").containsEntry("previousCheckId", "c-before");
        assertThat(Double.parseDouble(reason.evidence().get("distanceKm"))).isBetween(495.0, 505.0);
    }

    static Stream<Arguments> otherVehicle() {
        return Stream.of(
                Arguments.of("seen red, now white", "Peugeot", "rouge", null, observed("Peugeot", "blanc"), true),
                Arguments.of("seen Renault, now Peugeot", "Renault", null, null, observed("Peugeot", null), true),
                Arguments.of("seen with another VIN", null, null, VIN,
                        new Observation(null, null, Vin.parse(WHITE_PEUGEOT.vin()), "TYPED", null, null, null), true),
                Arguments.of("seen the same", "Peugeot", "Blanc", null, observed("peugeot", "blanche"), false),
                Arguments.of("nothing to compare", null, null, null, observed("Peugeot", null), false));
    }

    @ParameterizedTest(name = "{0} → one plate two cars: {5}")
    @MethodSource
    void otherVehicle(String name, String make, String colour, String vin, Observation now, boolean signal) {
        Sighting previous = new Sighting("c-before", "AB-123-CD", NOW.minus(2, ChronoUnit.DAYS), make, colour, vin, null, null);
        List<Reason> reasons = FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, now, List.of(previous), "c-now", NOW);
        assertThat(codes(reasons).contains("PLATE_SEEN_ON_OTHER_VEHICLE")).isEqualTo(signal);
    }

    @Test
    void aCheckIsNeverComparedWithItself() {
        Sighting self = new Sighting("c-now", "AB-123-CD", NOW, "Renault", "rouge", null, LYON.lat(), LYON.lon());
        assertThat(FraudSignals.DEFAULTS.evaluate(WHITE_PEUGEOT, at(PARIS), List.of(self), "c-now", NOW)).isEmpty();
    }

    /** The signals published as alerts are a subset of what every consumer of CheckCompleted counts as fraud. */
    @Test
    void everyPublishedSignalIsAFraudSignalForTheOtherConsumers() {
        assertThat(FraudSignals.CODES).isNotEmpty().allMatch(ReasonCodes::isFraudSignal);
    }
}
