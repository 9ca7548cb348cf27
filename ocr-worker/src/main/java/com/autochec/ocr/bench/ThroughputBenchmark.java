package com.autochec.ocr.bench;

import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.plate.PlateReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Plates per second with 1 and 2 worker threads sharing one PP-OCR reader (as the Kafka listener
 * threads do), each thread reading images from the folder in turn.
 */
final class ThroughputBenchmark {

    static void run(List<PlateBenchmark.Sample> samples, int passes, int[] threadCounts, PrintStream out) throws Exception {
        try (PlateReader reader = PlateReader.create("ppocr", OcrProperties.defaults())) {
            for (PlateBenchmark.Sample s : samples.subList(0, Math.min(5, samples.size()))) {
                reader.read(s.bytes(), Deadline.none());
            }
            for (int threads : threadCounts) {
                int total = samples.size() * passes;
                AtomicInteger next = new AtomicInteger();
                AtomicLong cpuNanos = new AtomicLong();
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long t0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        long c0 = mx.getCurrentThreadCpuTime();
                        int i;
                        while ((i = next.getAndIncrement()) < total) {
                            reader.read(samples.get(i % samples.size()).bytes(), Deadline.none());
                        }
                        cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                pool.shutdown();
                // plates per CPU-second: what one fully available core sustains, independent of other load
                out.printf("throughput engine=%s threads=%d images=%d wall=%.1fs plates/s=%.1f (%.1f per thread) "
                        + "cpu=%.1fs plates-per-cpu-second=%.1f load-average=%.1f%n",
                        reader.engineName(), threads, total, seconds, total / seconds, total / seconds / threads,
                        cpuNanos.get() / 1e9, total / (cpuNanos.get() / 1e9),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private ThroughputBenchmark() {}
}
