package com.autochec.ocr.plate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks plate-like strings among the text lines of a photo. Each line is matched against every
 * format of the {@link PlateGrammar}: position by position, the best character of the class the
 * format requires is chosen from the recogniser's own probabilities or, failing that, by undoing a
 * known letter/digit confusion. Extra characters at either end (a country code, a dealer's mark) may
 * be dropped at a cost, and so may one character at a group boundary (a sticker or coat of arms
 * read as a character). The score multiplies the format's prior, the chosen characters'
 * probabilities and those costs, with a mild preference for the larger text.
 */
final class CandidateSelector {

    /** Cost of each extra character before the plate (the EU band's country code sits on the left). */
    static final double DROP_LEAD = 0.8;
    /** Cost of each extra character after the plate. */
    static final double DROP_TRAIL = 0.7;
    static final double DROP_BOUNDARY = 0.75;
    static final double MIN_SCORE = 0.05;
    private static final int GENERIC_MIN = 4;
    private static final int GENERIC_MAX = 8;

    private final PlateGrammar grammar;

    CandidateSelector(PlateGrammar grammar) {
        this.grammar = grammar;
    }

    /** The best {@code limit} distinct candidates, best first. */
    List<Candidate> select(List<TextLine> lines, int limit) {
        double maxHeight = maxHeight(lines);
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (TextLine line : lines) {
            double sizeFactor = sizeFactor(line.box().height, maxHeight);
            for (Candidate c : candidates(line)) {
                Candidate scaled = new Candidate(c.text(), c.score() * sizeFactor, c.format(), c.box());
                if (scaled.score() >= MIN_SCORE) {
                    best.merge(scaled.text(), scaled, (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
        }
        List<Candidate> sorted = new ArrayList<>(best.values());
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::text));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    private static double maxHeight(List<TextLine> lines) {
        return lines.stream().mapToDouble(l -> l.box().height).max().orElse(1);
    }

    /** The mild preference for the larger text: 1 for the tallest line, down to 0.8 for tiny ones. */
    private static double sizeFactor(double height, double maxHeight) {
        return 0.8 + 0.2 * Math.min(1.0, height / Math.max(1.0, maxHeight));
    }

    /**
     * Whether a further line whose box is {@code boxHeight} high, no taller than the tallest of
     * {@code read}, could give a candidate scoring at least as high as the best of {@code read}: no
     * candidate scores more than the grammar's highest prior times its line's size factor. When it
     * cannot, leaving that line out changes neither the best candidate nor its score (the tallest
     * line, which sets the size factors, is among those read).
     */
    boolean couldChangeBest(List<TextLine> read, int boxHeight) {
        if (read.isEmpty()) {
            return true;
        }
        double maxHeight = maxHeight(read);
        if (boxHeight > maxHeight) {
            return true;
        }
        List<Candidate> best = select(read, 1);
        return best.isEmpty() || grammar.maxPrior() * sizeFactor(boxHeight, maxHeight) >= best.get(0).score();
    }

    /** Every format match and generic reading of one line, unscaled. */
    List<Candidate> candidates(TextLine line) {
        List<Glyph> g = line.glyphs().stream().filter(Glyph::isAlnum).toList();
        List<Candidate> out = new ArrayList<>();
        int n = g.size();
        for (PlateFormat format : grammar.formats()) {
            int len = format.length();
            for (int start = 0; start + len <= n; start++) {
                match(format, g, start, -1, line, out);
                for (int boundary : format.boundaries()) {
                    if (start + len + 1 <= n) {
                        match(format, g, start, boundary, line, out);
                    }
                }
            }
        }
        for (int len = GENERIC_MIN; len <= Math.min(GENERIC_MAX, n); len++) {
            for (int start = 0; start + len <= n; start++) {
                StringBuilder sb = new StringBuilder();
                double p = 1;
                for (int i = start; i < start + len; i++) {
                    sb.append(g.get(i).best());
                    p *= g.get(i).probability();
                }
                String text = sb.toString();
                if (text.chars().anyMatch(Character::isDigit) && text.chars().anyMatch(Character::isLetter)) {
                    double score = PlateGrammar.GENERIC_PRIOR * p * dropCost(start, n - start - len);
                    out.add(new Candidate(text, score, "GENERIC", line.box()));
                }
            }
        }
        return out;
    }

    private static double dropCost(int leading, int trailing) {
        return Math.pow(DROP_LEAD, leading) * Math.pow(DROP_TRAIL, trailing);
    }

    /**
     * Matches {@code format} on glyphs from {@code start}; when {@code skipBefore >= 0} the glyph
     * standing before format position {@code skipBefore} is an extra one at a group boundary.
     */
    private static void match(PlateFormat format, List<Glyph> g, int start, int skipBefore, TextLine line, List<Candidate> out) {
        int len = format.length();
        int used = len + (skipBefore >= 0 ? 1 : 0);
        StringBuilder sb = new StringBuilder(len);
        double p = 1;
        for (int pos = 0; pos < len; pos++) {
            int index = start + pos + (skipBefore >= 0 && pos >= skipBefore ? 1 : 0);
            Glyph glyph = g.get(index);
            char chosen = 0;
            double weight = 0;
            float[] alnum = glyph.alnum();
            for (int a : format.allowedIndices(pos)) {
                char c = Glyph.ALPHABET.charAt(a);
                double w = Math.max(alnum[a], PlateGrammar.confusion(glyph.best(), c) * glyph.probability());
                if (w > weight) {
                    weight = w;
                    chosen = c;
                }
            }
            if (weight <= 0) {
                return;
            }
            sb.append(chosen);
            p *= weight;
        }
        String text = sb.toString();
        if (!format.rule().test(text)) {
            return;
        }
        double score = format.prior() * p * dropCost(start, g.size() - start - used) * (skipBefore >= 0 ? DROP_BOUNDARY : 1);
        out.add(new Candidate(text, score, format.code(), line.box()));
    }
}
