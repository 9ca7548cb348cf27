package com.autochec.localstack.bench;

import com.autochec.localstack.bench.ProcessSampler.Usage;
import com.autochec.localstack.bench.StackClient.Photo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./autochec bench load}: typed checks through the gateway and straight to verification-service, ramping
 * the number of concurrent clients (closed loop: each client sends its next check when the last one is answered)
 * until throughput stops growing or p99 explodes; then a mixed public/agent step; then photo checks at a steady
 * rate (upload → verdict). Prints, per step and target, checks/s, p50/p95/p99, answers by status, the
 * gateway/direct ratio and each process's CPU and RSS (the generator's own included), then the targets of
 * PRODUCT.md next to the measured figures.
 */
public final class LoadBench {

    private final Options options;
    private final StackClient client;
    private final ProcessSampler sampler;
    private final List<String> known;
    private final List<String> unknown;

    record Options(
            Path home,
            Path photosDir,
            String gateway,
            String direct,
            String tokenUrl,
            int stepSeconds,
            int warmupSeconds,
            int maxConcurrency,
            double photosPerSecond,
            int photoSeconds,
            double agentShare,
            double unknownShare,
            boolean shortRun) {

        static Options parse(String[] args) {
            Map<String, String> flags = new java.util.HashMap<>();
            boolean shortRun = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--short")) {
                    shortRun = true;
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--") && i + 1 < args.length) {
                    flags.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg + " (see ./autochec help)");
                }
            }
            Path home = Path.of(flags.getOrDefault("home", ".autochec"));
            return new Options(
                    home,
                    Path.of(flags.getOrDefault("photos", "../shared/datasets/plates-eu-dev")),
                    flags.getOrDefault("gateway", StackClient.GATEWAY),
                    flags.getOrDefault("direct", StackClient.VERIFICATION),
                    flags.getOrDefault("token-url", StackClient.KEYCLOAK_TOKEN_URL),
                    Integer.parseInt(flags.getOrDefault("duration", shortRun ? "4" : "10")),
                    Integer.parseInt(flags.getOrDefault("warmup", shortRun ? "4" : "15")),
                    Integer.parseInt(flags.getOrDefault("max-concurrency", shortRun ? "16" : "128")),
                    Double.parseDouble(flags.getOrDefault("photos-per-second", "5")),
                    Integer.parseInt(flags.getOrDefault("photo-duration", shortRun ? "10" : "30")),
                    Double.parseDouble(flags.getOrDefault("agent-share", "0.2")),
                    Double.parseDouble(flags.getOrDefault("unknown-share", "0.1")),
                    shortRun);
        }
    }

    /** One closed-loop run against one target. */
    record Step(String target, int concurrency, double seconds, Latencies latencies, Map<String, Usage> usage) {

        /** Answered checks per second: 200 and 404 (unknown plate) only, never errors such as the gateway's 503. */
        double throughput() {
            return (latencies.count() - latencies.errors()) / seconds;
        }

        double p(double percentile) {
            return latencies.percentileMillis(percentile);
        }
    }

    LoadBench(Options options) throws Exception {
        this.options = options;
        this.client = new StackClient(options.tokenUrl());
        this.sampler = new ProcessSampler(options.home().resolve("run"));
        Path csv = options.home().resolve("data/demo/vehicles.csv");
        if (!Files.exists(csv)) {
            throw new IllegalStateException(csv + " not found: run ./autochec up first (it generates the demo registry)");
        }
        this.known = StackClient.knownPlates(csv);
        this.unknown = StackClient.unknownPlates(known, 200);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadBench bench = new LoadBench(options);
        int rc = bench.run();
        bench.client.close();
        System.exit(rc);
    }

    int run() throws Exception {
        System.out.printf(Locale.ROOT,
                "bench load: %d known plates (demo registry), %d%% unknown plates; steps of %d s, up to %d clients; "
                        + "gateway %s, direct %s%n",
                known.size(), Math.round(options.unknownShare() * 100), options.stepSeconds(), options.maxConcurrency(),
                options.gateway(), options.direct());
        reportRateLimit();
        client.token("agent");

        System.out.printf("warm-up: %d s per target, 8 clients, %d%% agents (not reported)%n",
                options.warmupSeconds(), Math.round(options.agentShare() * 100));
        Step warmGateway = closedLoop("gateway", options.gateway(), 8, options.agentShare(), options.warmupSeconds());
        closedLoop("direct", options.direct(), 8, options.agentShare(), options.warmupSeconds());
        if (warmGateway.latencies().statuses().containsKey(429)) {
            System.out.println("WARNING: the gateway answered 429 (rate limited): restart it with rate limits off: "
                    + "./autochec down && RATE_LIMIT_ENABLED=false ./autochec up");
        }

        System.out.println();
        System.out.println("(* checks/s counts the answered checks, 200 and 404 (plate not in the registry); errors are "
                + "in the status column and excluded)");
        System.out.println("typed checks, public mix (anonymous, " + Math.round(options.unknownShare() * 100)
                + "% unknown plates): ramp until throughput stops growing or p99 explodes");
        header();
        List<Step> gatewaySteps = new ArrayList<>();
        List<Step> directSteps = new ArrayList<>();
        Step previousGateway = null;
        Step previousDirect = null;
        for (int concurrency = 1; concurrency <= options.maxConcurrency(); concurrency *= 2) {
            Step gateway = closedLoop("gateway", options.gateway(), concurrency, 0, options.stepSeconds());
            Step direct = closedLoop("direct", options.direct(), concurrency, 0, options.stepSeconds());
            print(gateway, direct.throughput());
            print(direct, Double.NaN);
            gatewaySteps.add(gateway);
            directSteps.add(direct);
            boolean flat = previousGateway != null
                    && gateway.throughput() < 1.05 * previousGateway.throughput()
                    && direct.throughput() < 1.05 * previousDirect.throughput();
            boolean exploded = gateway.p(99) > 1000 && direct.p(99) > 1000;
            if (flat || exploded) {
                System.out.println("saturated at " + concurrency + " clients ("
                        + (flat ? "throughput stopped growing (< +5 %)" : "p99 > 1 s") + ")");
                break;
            }
            previousGateway = gateway;
            previousDirect = direct;
        }

        Step bestGateway = best(gatewaySteps);
        Step bestDirect = best(directSteps);
        int mixedConcurrency = Math.max(4, bestGateway.concurrency());
        System.out.println();
        System.out.printf(Locale.ROOT, "typed checks, mixed (%d%% agents with purpose %s, %d%% unknown plates), %d clients%n",
                Math.round(options.agentShare() * 100), StackClient.PURPOSE, Math.round(options.unknownShare() * 100),
                mixedConcurrency);
        header();
        Step mixedGateway = closedLoop("gateway", options.gateway(), mixedConcurrency, options.agentShare(),
                options.stepSeconds());
        Step mixedDirect = closedLoop("direct", options.direct(), mixedConcurrency, options.agentShare(),
                options.stepSeconds());
        print(mixedGateway, mixedDirect.throughput());
        print(mixedDirect, Double.NaN);

        PhotoResult photo = null;
        if (options.photosPerSecond() > 0) {
            settle();
            photo = photos();
        }

        // Targets (PRODUCT.md): gateway >= 1,000 checks/s with p99 < 50 ms (public mix); gateway >= 0.77 x direct;
        // photo upload -> verdict p95 < 2 s at 5 photos/s.
        System.out.println();
        System.out.println("targets (PRODUCT.md)                                   measured                                result");
        Step within = gatewaySteps.stream().filter(s -> s.p(99) < 50 && s.latencies().errors() == 0)
                .max(java.util.Comparator.comparingDouble(Step::throughput)).orElse(null);
        double withinThroughput = within == null ? 0 : within.throughput();
        row("gateway >= 1,000 checks/s with p99 < 50 ms (public)",
                within == null ? "p99 >= 50 ms at every step" : String.format(Locale.ROOT,
                        "%.0f checks/s, p99 %.1f ms (%d clients)", within.throughput(), within.p(99), within.concurrency()),
                withinThroughput >= 1000);
        row("gateway peak (for information)", String.format(Locale.ROOT, "%.0f checks/s, p99 %.1f ms (%d clients)",
                bestGateway.throughput(), bestGateway.p(99), bestGateway.concurrency()), null);
        double ratio = bestGateway.throughput() / bestDirect.throughput();
        row("gateway >= 0.77 x direct (peak vs peak)", String.format(Locale.ROOT, "%.0f / %.0f = %.2f",
                bestGateway.throughput(), bestDirect.throughput(), ratio), ratio >= 0.77);
        if (photo != null) {
            row(String.format(Locale.ROOT, "photo upload -> verdict p95 < 2 s (at %.1f/s)", options.photosPerSecond()),
                    photo.completed == 0 ? "no photo check completed" : String.format(Locale.ROOT,
                            "p50 %.0f ms, p95 %.0f ms (%d/%d completed)", photo.verdict.percentileMillis(50),
                            photo.verdict.percentileMillis(95), photo.completed, photo.sent),
                    photo.completed > 0 && photo.completed == photo.sent && photo.verdict.percentileMillis(95) < 2000);
        }
        Map<String, Usage> busiest = bestGateway.usage();
        System.out.println();
        System.out.println("at the gateway's peak step the processes used (CPU % of one core / RSS): "
                + ProcessSampler.format(busiest));
        System.out.printf(Locale.ROOT, "total %.0f%% of the machine's %d cores x 100%%; the generator's own share: %.0f%%%n",
                ProcessSampler.total(busiest), Runtime.getRuntime().availableProcessors(),
                busiest.getOrDefault("generator", new Usage(0, 0)).cpuPercent());
        boolean anyAnswered = bestGateway.latencies().statuses().containsKey(200);
        return anyAnswered ? 0 : 1;
    }

    private static Step best(List<Step> steps) {
        return steps.stream().max(java.util.Comparator.comparingDouble(Step::throughput)).orElseThrow();
    }

    private static void row(String target, String measured, Boolean pass) {
        System.out.printf(Locale.ROOT, "%-54s %-39s %s%n", target, measured,
                pass == null ? "" : pass ? "PASS" : "MISS");
    }

    private static void header() {
        System.out.printf("%-5s %-8s %9s %8s %8s %8s %9s  %-26s%n", "conc", "target", "checks/s*", "p50 ms",
                "p95 ms", "p99 ms", "gw/direct", "answers by status");
    }

    private static void print(Step step, double directThroughput) {
        System.out.printf(Locale.ROOT, "%-5d %-8s %9.1f %8.1f %8.1f %8.1f %9s  %-26s%n", step.concurrency(),
                step.target(), step.throughput(), step.p(50), step.p(95), step.p(99),
                Double.isNaN(directThroughput) ? "" : String.format(Locale.ROOT, "%.2f", step.throughput() / directThroughput),
                step.latencies().statusSummary());
        System.out.println("      cpu%/rss: " + ProcessSampler.format(step.usage()));
    }

    private void reportRateLimit() {
        Map<String, Long> pids = sampler.refreshPids();
        Long gateway = pids.get("gateway-service");
        if (gateway == null) {
            System.out.println("WARNING: no gateway-service pid under " + options.home().resolve("run")
                    + " (stack started elsewhere?): per-process figures will be missing");
            return;
        }
        try {
            String environ = new String(Files.readAllBytes(Path.of("/proc/" + gateway + "/environ")), StandardCharsets.UTF_8);
            boolean off = ("\0" + environ).contains("\0RATE_LIMIT_ENABLED=false\0");
            System.out.println(off ? "rate limits: off (the gateway runs with RATE_LIMIT_ENABLED=false)"
                    : "WARNING: the gateway runs with its rate limits on (100/s per anonymous client): the figures will "
                            + "be capped. Restart it: ./autochec down && RATE_LIMIT_ENABLED=false ./autochec up");
        } catch (Exception e) {
            System.out.println("rate limits: unknown (cannot read the gateway's environment: " + e.getMessage() + ")");
        }
    }

    /** CONCURRENCY clients, each sending its next typed check when the previous one is answered, for SECONDS. */
    Step closedLoop(String target, String base, int concurrency, double agentShare, int seconds) throws Exception {
        Latencies latencies = new Latencies();
        sampler.start();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            next(base, agentShare, end, latencies, done);
        }
        done.await(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Usage> usage = sampler.stop();
        return new Step(target, concurrency, Math.max(elapsed, seconds), latencies, usage);
    }

    private void next(String base, double agentShare, long end, Latencies latencies, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> plates = random.nextDouble() < options.unknownShare() ? unknown : known;
        String plate = plates.get(random.nextInt(plates.size()));
        String bearer = random.nextDouble() < agentShare ? client.token("agent") : null;
        long sent = System.nanoTime();
        client.http().sendAsync(client.typedCheck(base, plate, bearer), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    latencies.record((System.nanoTime() - sent) / 1000, response == null ? 0 : response.statusCode());
                    if (error != null) {
                        // (a refused connection fails at once: go on from another thread, not recursively)
                        java.util.concurrent.CompletableFuture.runAsync(
                                () -> next(base, agentShare, end, latencies, done),
                                java.util.concurrent.CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
                    } else {
                        next(base, agentShare, end, latencies, done);
                    }
                });
    }

    static final class PhotoResult {
        final Latencies upload = new Latencies();
        final Latencies verdict = new Latencies();
        int sent;
        int completed;
    }

    /** Most of the machine's CPU busy: the typed steps' work (agents' PDF reports, audit entries) is not done yet. */
    static final double SETTLED_BELOW = 0.5;
    static final int SETTLE_MAX_SECONDS = 90;

    /**
     * Waits until the typed steps' backlog is worked off (the agents' reports are rendered and signed after the
     * answer, audit entries appended): the machine's CPU below {@link #SETTLED_BELOW} over 2 s, at most
     * {@link #SETTLE_MAX_SECONDS}. Otherwise the photo step would measure that backlog rather than photo checks.
     */
    static void settle() throws IOException, InterruptedException {
        long start = System.nanoTime();
        double busy = Double.NaN;
        while (System.nanoTime() - start < SETTLE_MAX_SECONDS * 1_000_000_000L) {
            long[] before = cpuTicks();
            Thread.sleep(2000);
            long[] after = cpuTicks();
            long total = after[0] - before[0];
            busy = total <= 0 ? 0 : 1 - (double) (after[1] - before[1]) / total;
            if (busy < SETTLED_BELOW) {
                break;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "settled after %.0f s (machine CPU %.0f %% busy over the last 2 s%s)%n",
                (System.nanoTime() - start) / 1e9, busy * 100,
                busy < SETTLED_BELOW ? "" : "; still busy after " + SETTLE_MAX_SECONDS + " s: photos measured anyway");
    }

    /** {total, idle} jiffies of all CPUs from /proc/stat (idle includes I/O wait); {0, 0} where there is none. */
    static long[] cpuTicks() throws IOException {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return new long[] {0, 0};
        }
        String[] fields = Files.readAllLines(stat).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    /** Photo checks at a steady rate through the gateway (anonymous), each polled until its verdict. */
    PhotoResult photos() throws Exception {
        List<Photo> photos = StackClient.photos(options.photosDir());
        System.out.println();
        if (photos.isEmpty()) {
            System.out.println("photo checks skipped: no .jpg/.png in " + options.photosDir());
            return null;
        }
        int total = (int) Math.round(options.photosPerSecond() * options.photoSeconds());
        System.out.printf(Locale.ROOT, "photo checks: %.1f/s for %d s through the gateway (%d images from %s), "
                        + "each polled every 100 ms until COMPLETED%n",
                options.photosPerSecond(), options.photoSeconds(), photos.size(), options.photosDir());
        PhotoResult result = new PhotoResult();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "photo-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch finished = new CountDownLatch(total);
        AtomicInteger index = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        long periodMicros = Math.round(1_000_000 / options.photosPerSecond());
        sampler.start();
        for (int i = 0; i < total; i++) {
            scheduler.schedule(() -> {
                Photo photo = photos.get(index.getAndIncrement() % photos.size());
                long sent = System.nanoTime();
                client.http().sendAsync(client.photoCheck(options.gateway(), photo, null), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            int status = response == null ? 0 : response.statusCode();
                            result.upload.record((System.nanoTime() - sent) / 1000, status);
                            String id = response == null ? null : StackClient.id(response.body());
                            if (status != 202 || id == null) {
                                finished.countDown();
                                return;
                            }
                            poll(scheduler, id, sent, result, completed, finished);
                        });
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        result.sent = total;
        finished.await(options.photoSeconds() + 90L, TimeUnit.SECONDS);
        Map<String, Usage> usage = sampler.stop();
        scheduler.shutdownNow();
        result.completed = completed.get();
        System.out.printf(Locale.ROOT, "uploads: %s, p50 %.0f ms, p95 %.0f ms; upload -> verdict: %d/%d completed, "
                        + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                result.upload.statusSummary(), result.upload.percentileMillis(50), result.upload.percentileMillis(95),
                result.completed, total, result.verdict.percentileMillis(50), result.verdict.percentileMillis(95),
                result.verdict.percentileMillis(99));
        System.out.println("      cpu%/rss: " + ProcessSampler.format(usage));
        return result;
    }

    private void poll(ScheduledExecutorService scheduler, String id, long sent, PhotoResult result,
            AtomicInteger completed, CountDownLatch finished) {
        if (System.nanoTime() - sent > TimeUnit.SECONDS.toNanos(60)) {
            finished.countDown(); // never completed: counted as missing
            return;
        }
        scheduler.schedule(() -> client.http()
                .sendAsync(client.getCheck(options.gateway(), id, null), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    // NEEDS_CONFIRMATION is the reading's outcome too: the requester is asked to pick the plate
                    if (response != null && response.statusCode() == 200
                            && ("COMPLETED".equals(StackClient.status(response.body()))
                                    || "NEEDS_CONFIRMATION".equals(StackClient.status(response.body())))) {
                        result.verdict.record((System.nanoTime() - sent) / 1000, 200);
                        completed.incrementAndGet();
                        finished.countDown();
                    } else {
                        poll(scheduler, id, sent, result, completed, finished);
                    }
                }), 100, TimeUnit.MILLISECONDS);
    }
}
