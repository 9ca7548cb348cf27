package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

class CandidateSelectorTest {

    private final CandidateSelector selector = new CandidateSelector(PlateGrammar.standard());

    private static TextLine line(String text, double p, int height) {
        return TextLine.of(text, p, new Rect(10, 10, height * 4, height));
    }

    /** A line whose glyph at {@code index} also gives {@code alt} probability {@code altP}. */
    private static TextLine withAlternative(String text, int index, char alt, float altP) {
        List<Glyph> glyphs = new ArrayList<>(TextLine.of(text, 0.95, new Rect(0, 0, 100, 25)).glyphs());
        Glyph g = glyphs.get(index);
        float[] p = g.alnum().clone();
        p[Glyph.ALPHABET.indexOf(alt)] = altP;
        glyphs.set(index, new Glyph(g.best(), g.probability(), p));
        return new TextLine(glyphs, 0.95, new Rect(0, 0, 100, 25));
    }

    private String best(TextLine... lines) {
        List<Candidate> c = selector.select(List.of(lines), 3);
        return c.isEmpty() ? null : c.get(0).text();
    }

    @Test
    void readsAFrenchSivPlateWithSeparators() {
        assertThat(best(line("AB-123-CD", 0.99, 30))).isEqualTo("AB123CD");
        assertThat(selector.select(List.of(line("AB-123-CD", 0.99, 30)), 1).get(0).format()).isEqualTo("FR-SIV");
    }

    @Test
    void correctsDigitsReadWhereSivLettersStand() {
        // French SIV comes first: a weak B/8 confusion is undone, the reading as seen stays a candidate
        assertThat(best(line("A8-123-CD", 0.99, 30))).isEqualTo("AB123CD");
        assertThat(selector.select(List.of(line("A8-123-CD", 0.99, 30)), 3)).extracting(Candidate::text).contains("A8123CD");
        assertThat(best(line("BA2681M", 0.99, 30))).isEqualTo("BA268IM");
        assertThat(best(line("RK340A0", 0.99, 30))).isEqualTo("RK340AO");
    }

    @Test
    void correctsLettersReadWhereDigitsStand() {
        assertThat(best(line("AB-I23-CD", 0.99, 30))).isEqualTo("AB123CD");
        assertThat(best(line("AB-1O3-CD", 0.99, 30))).isEqualTo("AB103CD");
    }

    @Test
    void usesTheRecognisersOwnAlternativeWhenItHasOne() {
        // the recogniser saw '5' but gave 'S' 40%: S is chosen where a letter must stand
        TextLine l = withAlternative("5G47471", 0, 'S', 0.4f);
        // nothing forces a letter at position 0 for 7 characters DDDDDDD? CZ (DLA DDDD) keeps 5; LLDDDLL needs 2 letters
        assertThat(selector.candidates(l)).extracting(Candidate::text).contains("5G47471");
        TextLine siv = withAlternative("A8-123-CD", 1, 'B', 0.45f);
        assertThat(best(siv)).isEqualTo("AB123CD");
    }

    @Test
    void dropsACountryCodeOrStrayLeadingCharacter() {
        assertThat(best(line("HRK·708A1", 0.9, 30))).isEqualTo("RK708AI");
        assertThat(best(line("F AB-123-CD", 0.95, 30))).isEqualTo("AB123CD");
    }

    @Test
    void dropsAStickerReadAsACharacterBetweenGroups() {
        // Czech plates carry an inspection sticker between the district and the number
        assertThat(best(line("2T480211", 0.97, 30))).isEqualTo("2T40211");
        assertThat(best(line("BZM822-27", 0.96, 30))).isEqualTo("BZM2227");
    }

    @Test
    void keepsAGenericPlateAsReadWhenNoFormatFits() {
        assertThat(best(line("W·053011", 0.93, 30))).isEqualTo("W053011");
        assertThat(best(line("M5-XSX", 0.98, 30))).isEqualTo("M5XSX");
        assertThat(best(line("BS47040", 1.0, 30))).isEqualTo("BS47040");
    }

    @Test
    void prefersThePlateOverOtherTextInThePhoto() {
        assertThat(best(line("2011", 1.0, 20), line("FWE50", 1.0, 37), line("OSW722", 0.93, 19))).isEqualTo("FWE50");
        assertThat(best(line("CITROEN", 0.99, 18), line("RK492AU", 1.0, 26), line("BERLINGO", 0.97, 20))).isEqualTo("RK492AU");
        assertThat(best(line("RK891AU", 0.99, 27), line("HRK-641AL", 0.97, 17))).isEqualTo("RK891AU");
    }

    @Test
    void ignoresTextWithoutDigitsOrLetters() {
        assertThat(selector.select(List.of(line("DUNLOP", 0.99, 30), line("2012", 0.99, 30)), 3)).isEmpty();
    }

    @Test
    void ignoresYearsThatLookLikeFniPlates() {
        assertThat(selector.select(List.of(line("2O11", 0.99, 30)), 3)).extracting(Candidate::format).doesNotContain("FR-FNI");
    }

    @Test
    void readsAnOlderFrenchFniPlate() {
        List<Candidate> c = selector.select(List.of(line("123 ABC 75", 0.98, 30)), 3);
        assertThat(c.get(0).text()).isEqualTo("123ABC75");
        assertThat(c.get(0).format()).isEqualTo("FR-FNI");
    }

    @Test
    void returnsAtMostThreeDistinctCandidatesBestFirstWithScoresInRange() {
        List<Candidate> c = selector.select(List.of(line("BA2681M", 0.99, 30), line("RK-708-AI", 0.5, 10)), 3);
        assertThat(c).hasSizeLessThanOrEqualTo(3);
        assertThat(c).extracting(Candidate::text).doesNotHaveDuplicates();
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.get(i).score()).isLessThanOrEqualTo(c.get(i - 1).score());
        }
        assertThat(c).allSatisfy(x -> assertThat(x.score()).isBetween(0.0, 1.0));
        assertThat(c.get(0).box()).isNotNull();
    }

    @Test
    void findsNothingInEmptyInput() {
        assertThat(selector.select(List.of(), 3)).isEmpty();
    }

    @Test
    void aShortLineCannotChangeTheBestOfAClearTallerPlate() {
        List<TextLine> read = List.of(line("AB-123-CD", 0.99, 40));
        double best = selector.select(read, 1).get(0).score();
        assertThat(best).isGreaterThan(0.9);
        assertThat(selector.couldChangeBest(read, 10)).isFalse(); // at most 1.0 x (0.8 + 0.2 x 10/40) = 0.85
        assertThat(selector.couldChangeBest(read, 38)).isTrue();
        assertThat(selector.couldChangeBest(read, 60)).isTrue(); // taller lines change every size factor
        assertThat(selector.couldChangeBest(List.of(), 10)).isTrue();
    }

    @Test
    void aWeakReadingLeavesEveryLineWorthReading() {
        List<TextLine> read = List.of(line("GARAGE", 0.9, 40));
        assertThat(selector.couldChangeBest(read, 8)).isTrue();
    }

    @Test
    void leavingOutALineRuledOutKeepsTheSameBestCandidate() {
        TextLine plate = line("AB-123-CD", 0.995, 40);
        TextLine small = line("XY-987-ZT", 0.99, 12);
        assertThat(selector.couldChangeBest(List.of(plate), 12)).isFalse();
        assertThat(selector.select(List.of(plate), 1)).isEqualTo(selector.select(List.of(plate, small), 1));
    }
}
