package com.autochec.ocr.document;

import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.tesseract.OcrWord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds each field of a document in Tesseract's words: the line holding the field's label (or, on the
 * registration certificate, its letter code as the line's first word), the words after it — or the
 * next line when the label stands alone — normalised and validated. Confidence is the mean word
 * confidence of the value, halved when the value fails validation.
 */
final class FieldExtractor {

    private FieldExtractor() {}

    static List<DocumentRead.Field> extract(DocumentType type, List<OcrWord> words) {
        List<List<OcrWord>> lines = lines(words);
        Map<String, DocumentRead.Field> found = new LinkedHashMap<>();
        for (FieldSpec spec : FieldSpec.BY_TYPE.getOrDefault(type, List.of())) {
            DocumentRead.Field best = null;
            for (int i = 0; i < lines.size(); i++) {
                int labelEnd = spec.code() ? codeAt(lines.get(i), spec.labels().get(0)) : labelEnd(lines.get(i), spec.labels());
                if (labelEnd < 0) {
                    continue;
                }
                List<OcrWord> value = valueWords(lines.get(i), labelEnd);
                DocumentRead.Field field = field(spec, value);
                // a label standing alone announces a value on the next line (not for letter codes: the
                // next line is another coded field)
                if (!spec.code() && (field == null || !field.valid()) && i + 1 < lines.size()) {
                    DocumentRead.Field next = field(spec, lines.get(i + 1));
                    if (next != null && (field == null || next.valid())) {
                        field = next;
                    }
                }
                if (field != null && (best == null || (field.valid() && !best.valid())
                        || (field.valid() == best.valid() && field.confidence() > best.confidence()))) {
                    best = field;
                }
                if (best != null && best.valid()) {
                    break;
                }
            }
            if (best != null) {
                found.putIfAbsent(spec.name(), best);
            }
        }
        return new ArrayList<>(found.values());
    }

    static List<List<OcrWord>> lines(List<OcrWord> words) {
        TreeMap<Integer, List<OcrWord>> byLine = new TreeMap<>();
        for (OcrWord w : words) {
            byLine.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w);
        }
        return new ArrayList<>(byLine.values());
    }

    /** Index of the last word of the first label found in the line, or -1. */
    static int labelEnd(List<OcrWord> line, List<String> labels) {
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
            if (i > 0) {
                folded.append(' ');
            }
            folded.append(FieldValidation.fold(line.get(i).text()));
            for (String label : labels) {
                if (folded.indexOf(label) >= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Index of the word holding the registration code (e.g. "C.1", "(D.2)", "E.") when it is the
     * line's first word, stray rules ("|") skipped; else -1. OCR's usual misreadings of the codes are
     * undone: "8." for "B.", "0.1" for "D.1", "C.I"/"CA" for "C.1".
     */
    static int codeAt(List<OcrWord> line, String code) {
        for (int i = 0; i < line.size(); i++) {
            String first = FieldValidation.fold(line.get(i).text()).replaceAll("[^A-Z0-9]", "");
            if (first.isEmpty()) {
                continue;
            }
            if (first.length() > 2) {
                return -1;
            }
            char c = switch (first.charAt(0)) {
                case '8' -> 'B';
                case '0' -> 'D';
                case '6' -> 'C';
                default -> first.charAt(0);
            };
            String rest = first.substring(1).replace('I', '1').replace('L', '1').replace('A', '1').replace('T', '1');
            return (c + rest).equals(code) ? i : -1;
        }
        return -1;
    }

    private static List<OcrWord> valueWords(List<OcrWord> line, int labelEnd) {
        List<OcrWord> value = new ArrayList<>();
        String labelWord = line.get(labelEnd).text();
        int colon = labelWord.indexOf(':');
        if (colon >= 0 && colon + 1 < labelWord.length()) {
            OcrWord w = line.get(labelEnd);
            value.add(new OcrWord(labelWord.substring(colon + 1), w.confidence(), w.box(), w.line()));
        }
        for (int i = labelEnd + 1; i < line.size(); i++) {
            String t = line.get(i).text();
            if (value.isEmpty() && (t.equals(":") || t.equals("-") || t.equals("|"))) {
                continue;
            }
            if (!value.isEmpty() && isColumnBreak(value.get(value.size() - 1), line.get(i))) {
                break; // the rest of the line is another column (a caption, another field)
            }
            value.add(line.get(i));
        }
        return value;
    }

    /** The first run of one to three words that reads as a plate of a known format. */
    private static Optional<String> plate(List<OcrWord> words) {
        for (int start = 0; start < words.size(); start++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1; n <= 3 && start + n <= words.size(); n++) {
                sb.append(words.get(start + n - 1).text());
                Optional<String> p = FieldValidation.plate(sb.toString());
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    /** A horizontal gap wider than three times the text height separates columns, not words. */
    static boolean isColumnBreak(OcrWord left, OcrWord right) {
        int gap = right.box().x - (left.box().x + left.box().width);
        int height = Math.max(left.box().height, right.box().height);
        return gap > 3 * Math.max(height, 8);
    }

    private static DocumentRead.Field field(FieldSpec spec, List<OcrWord> words) {
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        double conf = 0;
        for (OcrWord w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.text());
            conf += w.confidence();
        }
        double mean = conf / words.size();
        String raw = sb.toString().replaceFirst("^[:;|\\s]+", "").strip();
        if (raw.isEmpty()) {
            return null;
        }
        Optional<String> value = switch (spec.type()) {
            case PLATE -> plate(words);
            case VIN -> FieldValidation.vin(raw);
            case DATE -> FieldValidation.date(raw);
            case DATE_FROM -> FieldValidation.dates(raw).stream().findFirst();
            case DATE_UNTIL -> {
                List<String> d = FieldValidation.dates(raw);
                yield d.size() >= 2 ? Optional.of(d.get(1)) : Optional.empty();
            }
            case TEXT -> FieldValidation.text(raw);
            case REFERENCE -> FieldValidation.reference(raw);
            case MILEAGE -> FieldValidation.mileage(raw);
            case RESULT -> FieldValidation.inspectionResult(raw);
        };
        double rounded = Math.round(mean * 1000) / 1000.0;
        return value.map(v -> new DocumentRead.Field(spec.name(), v, rounded, true))
                .orElseGet(() -> new DocumentRead.Field(spec.name(), raw, Math.round(mean * 500) / 1000.0, false));
    }
}
