package com.autochec.document.ocr;

import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import com.autochec.platform.kafka.PoisonRecordException;
import com.autochec.contracts.document.DocumentType;
import com.autochec.document.document.Proposal;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Records what OCR read on a document, once per event, with the fields that disagree with the document. */
@Service
class ExtractionRecorder {

    private static final Logger log = LoggerFactory.getLogger(ExtractionRecorder.class);

    private final DocumentStore store;
    private final VehicleOwners owners;
    private final Clock clock;

    ExtractionRecorder(DocumentStore store, VehicleOwners owners, Clock clock) {
        this.store = store;
        this.owners = owners;
        this.clock = clock;
    }

    /** Returns whether the reading was recorded (false: redelivered event or unknown document). */
    boolean record(String key, DocumentRead read) {
        if (read == null || read.eventId() == null) throw new PoisonRecordException("DocumentRead without eventId");
        String documentId = read.requestId() != null ? read.requestId() : key;
        if (documentId == null) throw new PoisonRecordException("DocumentRead without requestId");
        var document = store.findById(documentId);
        if (document.isEmpty()) {
            log.warn("Reading {} for unknown document {} ignored", read.eventId(), documentId);
            return false;
        }
        List<VehicleDocument.ExtractedField> fields = read.fields() == null
                ? List.of()
                : read.fields().stream()
                        .map(f -> new VehicleDocument.ExtractedField(f.name(), f.value(), f.confidence(), f.valid()))
                        .toList();
        var extraction = new VehicleDocument.Extraction(read.eventId(), read.success(), read.failureReason(),
                read.engine(), clock.instant(), fields, mismatches(document.get(),
                        document.get().vin() == null ? null : owners.byVin(document.get().vin()).orElse(null), fields, LocalDate.now(clock)));
        return store.recordExtraction(documentId, extraction, clock.instant());
    }

    /** Cross-check flags, stable codes. */
    static final String VIN_MISMATCH = "VIN_MISMATCH";
    static final String PLATE_MISMATCH = "PLATE_MISMATCH";
    static final String HOLDER_MISMATCH = "HOLDER_MISMATCH";
    static final String FIRST_REGISTRATION_MISMATCH = "FIRST_REGISTRATION_MISMATCH";
    static final String DATES_IMPLAUSIBLE = "DATES_IMPLAUSIBLE";

    /** Codes of read fields (VIN, PLATE) that contradict the vehicle the document was filed under. */
    static List<String> mismatches(VehicleDocument document, List<VehicleDocument.ExtractedField> fields) {
        return mismatches(document, null, fields, null);
    }

    /**
     * Cross-checks a reading against the vehicle the document was filed under: VIN, plate, holder name and first
     * registration (from the ownership projection), and whether the dates are plausible (start before end, an
     * insurance of at most about a year, a CT due at most two years after the visit, nothing absurdly far).
     */
    static List<String> mismatches(VehicleDocument document, VehicleOwner vehicle, List<VehicleDocument.ExtractedField> fields,
            LocalDate today) {
        Set<String> flags = new LinkedHashSet<>();
        String vin = document.vin() != null ? document.vin() : vehicle == null ? null : vehicle.vin();
        String plate = document.plate() != null ? document.plate() : vehicle == null ? null : vehicle.plate();
        for (var field : fields) {
            // a value that failed validation and was read with little confidence flags nothing
            if (field.value() == null || field.value().isBlank() || (!field.valid() && field.confidence() < MIN_CONFIDENCE)) {
                continue;
            }
            String name = field.name() == null ? "" : field.name().toUpperCase(Locale.ROOT);
            switch (name) {
                case "VIN" -> {
                    String read = Vin.tryParse(field.value()).map(Vin::value).orElse(field.value().strip().toUpperCase(Locale.ROOT));
                    if (vin != null && !Objects.equals(read, vin)) flags.add(VIN_MISMATCH);
                }
                case "PLATE" -> {
                    String read = Plate.tryParse(field.value()).map(Plate::value).orElse(field.value().strip().toUpperCase(Locale.ROOT));
                    if (plate != null && !Objects.equals(read, plate)) flags.add(PLATE_MISMATCH);
                }
                case "HOLDER_NAME" -> {
                    if (vehicle != null && vehicle.ownerName() != null && !sameName(field.value(), vehicle.ownerName())) {
                        flags.add(HOLDER_MISMATCH);
                    }
                }
                case "FIRST_REGISTRATION" -> {
                    LocalDate read = date(field.value());
                    if (vehicle != null && vehicle.firstRegistration() != null && read != null
                            && !read.equals(vehicle.firstRegistration())) {
                        flags.add(FIRST_REGISTRATION_MISMATCH);
                    }
                }
                default -> { }
            }
        }
        if (!datesPlausible(document, fields, today)) flags.add(DATES_IMPLAUSIBLE);
        return new ArrayList<>(flags);
    }

    static boolean datesPlausible(VehicleDocument document, List<VehicleDocument.ExtractedField> fields, LocalDate today) {
        Proposal p = Proposal.of(document.type(), fields);
        if (p.validFrom() != null && p.validUntil() != null) {
            if (p.validFrom().isAfter(p.validUntil())) return false;
            int years = document.type() == DocumentType.INSPECTION ? 2 : 1;
            // a month of slack: certificates often run to the day after the anniversary
            if (p.validUntil().isAfter(p.validFrom().plusYears(years).plusMonths(1))) return false;
        }
        if (today != null) {
            for (LocalDate d : new LocalDate[] {p.validFrom(), p.validUntil()}) {
                if (d != null && (d.isBefore(today.minusYears(30)) || d.isAfter(today.plusYears(5)))) return false;
            }
            if (p.validFrom() != null && p.validFrom().isAfter(today.plusYears(1))) return false;
        }
        return true;
    }

    /** Below this confidence a read field that failed validation is not compared with the vehicle. */
    static final double MIN_CONFIDENCE = 0.5;

    /**
     * Holder names compared without case, accents, punctuation, civility or word order (OCR reads "MARTIN ODILE"),
     * tolerating one misread character in five (an OCR "0DILE").
     */
    static boolean sameName(String read, String known) {
        String a = String.join(" ", words(read));
        String b = String.join(" ", words(known));
        if (a.isEmpty() || b.isEmpty()) return true;
        return levenshtein(a, b) * 5 <= Math.max(a.length(), b.length());
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static Set<String> words(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replace('0', 'O').replaceAll("[^A-Z ]+", " ");
        Set<String> words = new TreeSet<>();
        for (String w : folded.split("\\s+")) if (w.length() > 1 && !w.equals("M") && !w.equals("MME")) words.add(w);
        return words;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
