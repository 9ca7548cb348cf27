package com.autochec.ocr.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Benchmarks of the ocr-worker, printing their figures:
 *
 * <pre>
 *   plates DIR [engine...]    accuracy and latency per engine (ppocr, tesseract) over a plates-eu-dev style folder
 *   throughput DIR [passes]   plates/s with 1 and 2 threads
 *   documents [N]             field accuracy on N generated, degraded documents per type
 * </pre>
 *
 * Run with {@code OMP_THREAD_LIMIT=1} (Debian's Tesseract uses OpenMP).
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "plates" -> {
                requireArgs(args, 2);
                List<PlateBenchmark.Sample> samples = PlateBenchmark.load(Path.of(args[1]));
                List<String> engines = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("ppocr", "tesseract");
                for (String engine : engines) {
                    PlateBenchmark.Figures f = PlateBenchmark.run(engine, samples, System.out, true);
                    System.out.println(f.line());
                }
            }
            case "throughput" -> {
                requireArgs(args, 2);
                int passes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
                ThroughputBenchmark.run(PlateBenchmark.load(Path.of(args[1])), passes, new int[] {1, 2}, System.out);
            }
            case "documents" -> {
                int n = args.length > 1 ? Integer.parseInt(args[1]) : 10;
                DocumentBenchmark.run(n, System.out, true);
            }
            default -> usage();
        }
    }

    private static void requireArgs(String[] args, int n) {
        if (args.length < n) {
            usage();
            System.exit(2);
        }
    }

    private static void usage() {
        System.out.println("""
                usage: bench plates DIR [ppocr|tesseract ...]   plate accuracy and latency per engine
                       bench throughput DIR [passes]           plates/s with 1 and 2 threads
                       bench documents [N]                     field accuracy on N generated documents per type""");
    }

    private Bench() {}
}
