package com.autochec.ocr.bench;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.plate.PlateReader;
import com.autochec.ocr.plate.PlateResult;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plate accuracy over a folder in the plates-eu-dev layout ({@code groundtruth.tsv}: file x y w h
 * PLATE): exact match, match with O and 0 taken as one character, top-3, detection rate (IoU of the
 * best candidate's box with the truth box above 0.3), and median / p95 milliseconds per image.
 */
final class PlateBenchmark {

    record Sample(String file, int x, int y, int w, int h, String plate, byte[] bytes) {}

    record Figures(String engine, int images, int exact, int exactO0, int top3, int detected, long medianMs, long p95Ms,
            long cpuMedianMs, long cpuP95Ms) {

        String line() {
            return String.format("%-10s images=%d exact=%.1f%% exact(O≡0)=%.1f%% top3(O≡0)=%.1f%% detection(IoU>0.3)=%.1f%% median=%dms p95=%dms (thread CPU: median=%dms p95=%dms)",
                    engine, images, pct(exact), pct(exactO0), pct(top3), pct(detected), medianMs, p95Ms, cpuMedianMs, cpuP95Ms);
        }

        private double pct(int n) {
            return images == 0 ? 0 : 100.0 * n / images;
        }
    }

    static List<Sample> load(Path dir) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("groundtruth.tsv"))) {
            String[] f = line.strip().split("\t");
            if (f.length < 6 || line.startsWith("#")) {
                continue;
            }
            samples.add(new Sample(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), f[5].toUpperCase(), Files.readAllBytes(dir.resolve(f[0]))));
        }
        return samples;
    }

    static Figures run(String engine, List<Sample> samples, PrintStream out, boolean verbose) {
        try (PlateReader reader = PlateReader.create(engine, OcrProperties.defaults())) {
            // warm-up: first inference allocates and optimises the graphs
            for (int i = 0; i < Math.min(3, samples.size()); i++) {
                reader.read(samples.get(i).bytes(), Deadline.none());
            }
            long[] ms = new long[samples.size()];
            long[] cpu = new long[samples.size()];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int exact = 0, exactO0 = 0, top3 = 0, detected = 0;
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PlateResult r = reader.read(s.bytes(), Deadline.none());
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                String best = r.candidates().isEmpty() ? "" : r.candidates().get(0).text();
                boolean e = best.equals(s.plate());
                boolean e0 = fold(best).equals(fold(s.plate()));
                boolean t3 = r.candidates().stream().anyMatch(c -> fold(c.text()).equals(fold(s.plate())));
                PlateRead.Box box = r.candidates().isEmpty() ? null : r.candidates().get(0).box();
                boolean d = box != null && iou(box, s) > 0.3;
                exact += e ? 1 : 0;
                exactO0 += e0 ? 1 : 0;
                top3 += t3 ? 1 : 0;
                detected += d ? 1 : 0;
                if (verbose && !e0) {
                    out.printf("  miss %-14s truth=%-9s read=%s%s%n", s.file(), s.plate(),
                            r.candidates().stream().map(c -> c.text() + String.format("(%.2f)", c.confidence())).toList(),
                            r.success() ? "" : " " + r.failureReason());
                }
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            return new Figures(engine, samples.size(), exact, exactO0, top3, detected, percentile(ms, 50), percentile(ms, 95),
                    percentile(cpu, 50), percentile(cpu, 95));
        }
    }

    static String fold(String plate) {
        return plate.replace('O', '0');
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double iou(PlateRead.Box b, Sample s) {
        int x1 = Math.max(b.x(), s.x());
        int y1 = Math.max(b.y(), s.y());
        int x2 = Math.min(b.x() + b.width(), s.x() + s.w());
        int y2 = Math.min(b.y() + b.height(), s.y() + s.h());
        double inter = Math.max(0, x2 - x1) * (double) Math.max(0, y2 - y1);
        double union = (double) b.width() * b.height() + (double) s.w() * s.h() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private PlateBenchmark() {}
}
