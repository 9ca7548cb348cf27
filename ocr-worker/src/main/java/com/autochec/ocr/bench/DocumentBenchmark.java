package com.autochec.ocr.bench;

import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.document.DocumentReader;
import com.autochec.ocr.document.DocumentResult;
import com.autochec.ocr.image.Deadline;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field accuracy on generated documents: N documents of each type rendered with known values,
 * degraded like phone photos, read, and each field compared with its truth; per field and overall.
 */
final class DocumentBenchmark {

    static final List<DocumentType> TYPES = List.of(DocumentType.REGISTRATION, DocumentType.INSURANCE, DocumentType.INSPECTION);

    static double run(int perType, PrintStream out, boolean verbose) {
        DocumentGenerator generator = new DocumentGenerator(20_240_601L);
        Degrader degrader = new Degrader(7L);
        Map<String, int[]> perField = new TreeMap<>();
        int right = 0;
        int total = 0;
        long[] ms = new long[perType * TYPES.size()];
        int k = 0;
        try (DocumentReader reader = new DocumentReader(OcrProperties.defaults())) {
            for (int i = 0; i < perType; i++) {
                for (DocumentType type : TYPES) {
                    GeneratedDocument doc = generator.generate(type);
                    byte[] photo = degrader.degrade(doc.image());
                    long t0 = System.nanoTime();
                    DocumentResult result = reader.read(photo, type, Deadline.none());
                    ms[k++] = (System.nanoTime() - t0) / 1_000_000;
                    for (Map.Entry<String, String> e : doc.truth().entrySet()) {
                        String read = result.fields().stream().filter(f -> f.name().equals(e.getKey()))
                                .map(DocumentRead.Field::value).findFirst().orElse(null);
                        boolean ok = e.getValue().equals(read);
                        int[] c = perField.computeIfAbsent(type + "." + e.getKey(), x -> new int[2]);
                        c[0] += ok ? 1 : 0;
                        c[1]++;
                        right += ok ? 1 : 0;
                        total++;
                        if (verbose && !ok) {
                            out.printf("  miss %s %s truth=%s read=%s%n", type, e.getKey(), e.getValue(), read);
                        }
                    }
                }
            }
        }
        perField.forEach((name, c) -> out.printf("  %-32s %3d/%-3d %5.1f%%%n", name, c[0], c[1], 100.0 * c[0] / c[1]));
        Arrays.sort(ms);
        double accuracy = total == 0 ? 0 : 100.0 * right / total;
        out.printf("documents=%d fields=%d right=%d field-accuracy=%.1f%% median=%dms p95=%dms%n", perType * TYPES.size(), total,
                right, accuracy, PlateBenchmark.percentile(ms, 50), PlateBenchmark.percentile(ms, 95));
        return accuracy;
    }

    private DocumentBenchmark() {}
}
