package com.autochec.document.ocr;

import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import com.autochec.platform.kafka.PoisonRecordException;
import java.time.Clock;
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
    private final Clock clock;

    ExtractionRecorder(DocumentStore store, Clock clock) {
        this.store = store;
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
                read.engine(), clock.instant(), fields, mismatches(document.get(), fields));
        return store.recordExtraction(documentId, extraction, clock.instant());
    }

    /** Codes of read fields (VIN, PLATE) that contradict the vehicle the document was filed under. */
    static List<String> mismatches(VehicleDocument document, List<VehicleDocument.ExtractedField> fields) {
        List<String> mismatches = new ArrayList<>();
        for (var field : fields) {
            if (field.value() == null) continue;
            String name = field.name() == null ? "" : field.name().toUpperCase(Locale.ROOT);
            if (name.equals("VIN") && document.vin() != null) {
                String read = Vin.tryParse(field.value()).map(Vin::value).orElse(field.value().strip().toUpperCase(Locale.ROOT));
                if (!Objects.equals(read, document.vin())) mismatches.add("VIN");
            } else if (name.equals("PLATE") && document.plate() != null) {
                String read = Plate.tryParse(field.value()).map(Plate::value).orElse(field.value().strip().toUpperCase(Locale.ROOT));
                if (!Objects.equals(read, document.plate())) mismatches.add("PLATE");
            }
        }
        return mismatches;
    }
}
