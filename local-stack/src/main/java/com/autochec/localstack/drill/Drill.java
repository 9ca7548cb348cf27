package com.autochec.localstack.drill;

import com.autochec.localstack.bench.StackClient;
import com.autochec.localstack.bench.StackClient.Photo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;

/**
 * {@code ./autochec drill}: under a steady load of agent checks (typed, through the gateway) and anonymous photo
 * checks, kill one process of the stack with SIGKILL, restart it with {@code ./autochec up} (which starts only what
 * is not running: the other components' pids must not change), keep the load running, then stop it, wait for the
 * stack to quiesce and count, for the checks accepted during that drill (2xx with an id): stored and completed
 * checks (verification-service's {@code checks}), audit entries ({@code audit_entries}, action
 * {@code CHECK_PERFORMED}) and, for agent checks, reports ({@code reports}) — each exactly once — and verify the audit
 * chain ({@code GET /api/audit/verify} as admin). Exits 1 when anything is lost or duplicated, the chain is broken,
 * or a component did not come back.
 */
public final class Drill {

    /** What can be killed: name (= pid file), health probe. */
    static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("mongo", "mongo");
        COMPONENTS.put("kafka", "kafka");
        COMPONENTS.put("verification-service", "http://127.0.0.1:8084/actuator/health/readiness");
        COMPONENTS.put("audit-service", "http://127.0.0.1:8087/actuator/health/readiness");
        COMPONENTS.put("report-service", "http://127.0.0.1:8086/actuator/health/readiness");
        COMPONENTS.put("ocr-worker", "http://127.0.0.1:8085/actuator/health/readiness");
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    static final List<String> SHORT_COMPONENTS = List.of("mongo", "audit-service");
    static final List<String> ALL_PID_FILES = List.of("mongo", "kafka", "keycloak", "gateway-service", "auth-service",
            "vehicle-service", "document-service", "verification-service", "ocr-worker", "report-service",
            "audit-service");

    private final Path home;
    private final Path script;
    private final String mongoUri;
    private final double rate;
    private final double photoRate;
    private final int before;
    private final int after;
    private final int settleSeconds;
    private final int readModelSeconds;
    private final List<String> components;
    private final StackClient client = new StackClient(StackClient.KEYCLOAK_TOKEN_URL);
    private final List<String> plates;
    private final List<Photo> photos;
    private final MongoClient mongo;
    private final Admin kafkaAdmin;

    Drill(Map<String, String> flags, boolean shortRun) throws IOException {
        this.home = Path.of(flags.getOrDefault("home", ".autochec")).toAbsolutePath();
        this.script = Path.of(flags.getOrDefault("autochec", "./autochec")).toAbsolutePath();
        this.mongoUri = flags.getOrDefault("mongo-uri", "mongodb://127.0.0.1:27017");
        this.rate = Double.parseDouble(flags.getOrDefault("rate", shortRun ? "20" : "30"));
        this.photoRate = Double.parseDouble(flags.getOrDefault("photos-per-second", shortRun ? "0.5" : "1"));
        this.before = Integer.parseInt(flags.getOrDefault("before", shortRun ? "3" : "5"));
        this.after = Integer.parseInt(flags.getOrDefault("after", shortRun ? "5" : "10"));
        this.settleSeconds = Integer.parseInt(flags.getOrDefault("settle", "60"));
        this.readModelSeconds = Integer.parseInt(flags.getOrDefault("read-model-wait", "300"));
        String only = flags.get("only");
        this.components = only != null ? List.of(only.split(","))
                : shortRun ? SHORT_COMPONENTS : new ArrayList<>(COMPONENTS.keySet());
        for (String component : components) {
            if (!COMPONENTS.containsKey(component)) {
                throw new IllegalArgumentException("--only: unknown component " + component + "; choose from "
                        + String.join(",", COMPONENTS.keySet()));
            }
        }
        Path csv = home.resolve("data/demo/vehicles.csv");
        this.plates = StackClient.knownPlates(csv);
        this.photos = StackClient.photos(Path.of(flags.getOrDefault("photos", "../shared/datasets/plates-eu-dev")));
        this.mongo = MongoClients.create(mongoUri + (mongoUri.contains("?") ? "&" : "/?")
                + "serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=30000");
        Properties kafka = new Properties();
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                flags.getOrDefault("kafka", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")));
        kafka.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        kafka.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        kafka.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        this.kafkaAdmin = Admin.create(kafka);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        boolean shortRun = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--short")) {
                shortRun = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                flags.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        java.util.logging.Logger.getLogger("org.mongodb.driver").setLevel(java.util.logging.Level.OFF);
        Drill drill = new Drill(flags, shortRun);
        int rc = drill.run();
        System.exit(rc);
    }

    /** One accepted check. */
    record Accepted(String id, boolean agent, boolean photo) {}

    /** The load of one drill: open loop at a fixed rate, every accepted id kept. */
    final class Load {
        final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<long[]> successes = new ConcurrentLinkedQueue<>(); // {sentNanos, doneNanos}
        final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "drill-load");
            thread.setDaemon(true);
            return thread;
        });
        final AtomicLong photoIndex = new AtomicLong();

        void start() {
            scheduler.scheduleAtFixedRate(this::typed, 0, Math.round(1_000_000 / rate), TimeUnit.MICROSECONDS);
            if (photoRate > 0 && !photos.isEmpty()) {
                scheduler.scheduleAtFixedRate(this::photo, 0, Math.round(1_000_000 / photoRate), TimeUnit.MICROSECONDS);
            }
        }

        private void typed() {
            if (inFlight.get() > 400) {
                skipped.incrementAndGet();
                return;
            }
            String plate = plates.get(ThreadLocalRandom.current().nextInt(plates.size()));
            String token;
            try {
                token = client.token("agent");
            } catch (RuntimeException e) {
                statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                return;
            }
            send(client.typedCheck(StackClient.GATEWAY, plate, token), true, false);
        }

        private void photo() {
            if (inFlight.get() > 400) {
                skipped.incrementAndGet();
                return;
            }
            Photo photo = photos.get((int) (photoIndex.getAndIncrement() % photos.size()));
            send(client.photoCheck(StackClient.GATEWAY, photo, null), false, true);
        }

        private void send(java.net.http.HttpRequest request, boolean agent, boolean photo) {
            long sent = System.nanoTime();
            inFlight.incrementAndGet();
            client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                int status = response == null ? 0 : response.statusCode();
                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                if (status / 100 == 2) {
                    String id = StackClient.id(response.body());
                    if (id != null) {
                        accepted.add(new Accepted(id, agent, photo));
                        if (!photo) {
                            successes.add(new long[] {sent, System.nanoTime()});
                        }
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            scheduler.shutdownNow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        String statusSummary() {
            StringBuilder text = new StringBuilder();
            new java.util.TreeMap<>(statuses).forEach((status, n) ->
                    text.append(status == 0 ? "none" : status == -1 ? "no-token" : status).append(':').append(n.get()).append(' '));
            return text.toString().trim();
        }
    }

    /** The counts after one drill. */
    record Counts(int accepted, int agents, int stored, int auditOk, int auditMissing, int auditDuplicated,
            int reportsOk, int reportsMissing, int reportsDuplicated) {

        boolean complete() {
            return stored == accepted && auditMissing == 0 && auditDuplicated == 0 && reportsMissing == 0
                    && reportsDuplicated == 0;
        }
    }

    record Outcome(String component, Counts counts, String chain, double killToHealthy, double killToFirstOk,
            double upSeconds, boolean othersUntouched, String answers, boolean restarted) {

        boolean ok() {
            return restarted && counts.complete() && chain.startsWith("valid") && othersUntouched;
        }
    }

    int run() throws Exception {
        System.out.printf(Locale.ROOT, "drill: %s; load %.0f agent checks/s through the gateway + %.1f anonymous photo "
                        + "checks/s; %d s before each kill, %d s after the restart%n",
                String.join(", ", components), rate, photoRate, before, after);
        client.token("agent");
        client.token("admin");
        awaitReadModel();
        List<Outcome> outcomes = new ArrayList<>();
        for (String component : components) {
            outcomes.add(drill(component));
        }
        System.out.println();
        System.out.printf("%-21s %8s %7s %6s %5s %5s %7s %5s %5s %-14s %9s %9s %7s %7s %s%n", "killed", "accepted",
                "stored", "audit", "miss", "dup", "reports", "miss", "dup", "audit chain", "->healthy", "->1st ok",
                "up took", "others", "result");
        boolean allOk = true;
        for (Outcome o : outcomes) {
            Counts c = o.counts();
            System.out.printf(Locale.ROOT, "%-21s %8d %7d %6d %5d %5d %7s %5d %5d %-14s %8.1fs %8.1fs %6.0fs %7s %s%n",
                    o.component(), c.accepted(), c.stored(), c.auditOk(), c.auditMissing(), c.auditDuplicated(),
                    c.reportsOk() + "/" + c.agents(), c.reportsMissing(), c.reportsDuplicated(), o.chain(),
                    o.killToHealthy(), o.killToFirstOk(), o.upSeconds(), o.othersUntouched() ? "same" : "CHANGED",
                    o.ok() ? "OK" : "FAILED");
            allOk &= o.ok();
        }
        System.out.println(allOk
                ? "drill passed: every accepted check stored, audited and (agents) reported exactly once; chain valid"
                : "drill FAILED: see the rows marked FAILED (logs under " + home.resolve("logs") + ")");
        client.close();
        kafkaAdmin.close();
        mongo.close();
        return allOk ? 0 : 1;
    }

    /**
     * Waits until verification-service's read model holds every vehicle of the imported CSV: it projects them from
     * Kafka after {@code up}'s import, and a check of a plate not projected yet is a 404 (not a loss, but noise in
     * the counts).
     */
    private void awaitReadModel() throws InterruptedException {
        var readModel = mongo.getDatabase("autochec-verification").getCollection("plates");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readModelSeconds);
        long projected = 0;
        while (true) {
            projected = 0;
            for (int i = 0; i < plates.size(); i += 1000) {
                projected += readModel.countDocuments(Filters.in("_id", plates.subList(i, Math.min(plates.size(), i + 1000))));
            }
            if (projected >= plates.size() || System.nanoTime() > deadline) {
                break;
            }
            System.out.printf(Locale.ROOT, "  verification read model: %d of the CSV's %d vehicles projected; waiting%n",
                    projected, plates.size());
            Thread.sleep(2000);
        }
        System.out.printf(Locale.ROOT, "verification read model: %d of the CSV's %d vehicles projected%s%n", projected,
                plates.size(), projected >= plates.size() ? "" : " (gave up waiting after " + readModelSeconds + " s)");
    }

    Outcome drill(String component) throws Exception {
        System.out.println();
        System.out.println("== " + component);
        Map<String, Long> pidsBefore = pids();
        Long pid = pidsBefore.get(component);
        if (pid == null || !healthy(component)) {
            throw new IllegalStateException(component + " is not running/healthy: start the stack first (./autochec up)");
        }
        Load load = new Load();
        load.start();
        Thread.sleep(before * 1000L);

        long killed = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        System.out.println("  kill -9 " + pid + " (" + component + ")");
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < gone) {
            Thread.sleep(20);
        }
        // A poller notes when the component answers its health probe again.
        AtomicLong healthyAt = new AtomicLong();
        Thread poller = new Thread(() -> {
            while (healthyAt.get() == 0 && !Thread.currentThread().isInterrupted()) {
                if (healthy(component)) {
                    healthyAt.set(System.nanoTime());
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "drill-health");
        poller.setDaemon(true);
        Thread.sleep(1000);
        poller.start();

        long upStarted = System.nanoTime();
        Path upLog = home.resolve("logs/drill-up.log");
        Files.createDirectories(upLog.getParent());
        // In a session of its own, as an operator's shell would be: with the kernel's autogroups the script then
        // does not share this load generator's CPU share while it prepares the restart.
        List<String> command = Files.isExecutable(SETSID) ? List.of(SETSID.toString(), "--wait", script.toString(), "up")
                : List.of(script.toString(), "up");
        ProcessBuilder up = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(upLog.toFile()));
        up.environment().put("AUTOCHEC_HOME", home.toString());
        System.out.println("  ./autochec up (log: " + upLog + ") ...");
        int upRc = up.start().waitFor();
        // 'up' stops at the first component that exits during start-up (e.g. a service whose MongoDB client gave
        // up while MongoDB was still loading); like an operator, run it again: it starts only what is not running.
        for (int attempt = 2; upRc != 0 && attempt <= 3; attempt++) {
            System.out.println("  up exited " + upRc + ": ./autochec up again (attempt " + attempt + ")");
            upRc = up.start().waitFor();
        }
        double upSeconds = (System.nanoTime() - upStarted) / 1e9;
        poller.join(TimeUnit.SECONDS.toMillis(60));
        boolean restarted = upRc == 0 && healthyAt.get() != 0;
        System.out.printf(Locale.ROOT, "  up exited %d after %.0f s; %s%n", upRc, upSeconds,
                restarted ? "healthy again" : "NOT healthy again");
        Thread.sleep(after * 1000L);
        load.stop();

        Map<String, Long> pidsAfter = pids();
        boolean othersUntouched = true;
        for (var entry : pidsBefore.entrySet()) {
            if (!entry.getKey().equals(component) && !entry.getValue().equals(pidsAfter.get(entry.getKey()))) {
                othersUntouched = false;
                System.out.println("  " + entry.getKey() + " changed pid: " + entry.getValue() + " -> "
                        + pidsAfter.get(entry.getKey()));
            }
        }
        double killToHealthy = healthyAt.get() == 0 ? Double.NaN : (healthyAt.get() - killed) / 1e9;
        double killToFirstOk = load.successes.stream().filter(s -> s[0] > killed).mapToLong(s -> s[1]).min()
                .stream().mapToDouble(done -> (done - killed) / 1e9).findFirst().orElse(Double.NaN);
        List<Accepted> accepted = new ArrayList<>(load.accepted);
        System.out.printf(Locale.ROOT, "  answers: %s (%d accepted, %d not sent: too many in flight)%n",
                load.statusSummary(), accepted.size(), load.skipped.get());

        Counts counts = quiesce(accepted);
        String chain = auditChain();
        System.out.println("  audit chain: " + chain);
        return new Outcome(component, counts, chain, killToHealthy, killToFirstOk, upSeconds, othersUntouched,
                load.statusSummary(), restarted);
    }

    /** Counts until every accepted check is complete everywhere, or nothing moved for settleSeconds. */
    Counts quiesce(List<Accepted> accepted) throws InterruptedException {
        long start = System.nanoTime();
        Counts last = null;
        long lastChange = System.nanoTime();
        while (true) {
            Counts counts = count(accepted);
            if (counts != null && counts.complete()) {
                Thread.sleep(5000); // late duplicates would show now
                Counts again = count(accepted);
                if (again != null) {
                    counts = again;
                }
                System.out.printf(Locale.ROOT, "  quiescent after %.0f s: %s%n", (System.nanoTime() - start) / 1e9, counts);
                return counts;
            }
            if (counts != null && !counts.equals(last)) {
                last = counts;
                lastChange = System.nanoTime();
            }
            if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(settleSeconds)) {
                System.out.printf(Locale.ROOT, "  no progress for %d s: %s%n", settleSeconds, last);
                return last == null ? new Counts(accepted.size(), 0, 0, 0, accepted.size(), 0, 0, 0, 0) : last;
            }
            Thread.sleep(2000);
        }
    }

    /**
     * An uncertain photo reading waits for its requester to pick the plate: like an operator, confirm the first
     * option it offers (anonymous checks may be confirmed by whoever holds the id); it then completes.
     */
    private void confirm(Document check) {
        List<?> options = check.getList("options", Object.class, List.of());
        String plate = options.isEmpty() || !(options.get(0) instanceof Document first) ? null : first.getString("plate");
        if (plate == null) {
            return;
        }
        try {
            client.http().send(client.confirmCheck(StackClient.GATEWAY, check.getString("_id"), plate, null),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            System.out.println("  (confirm failed, retrying: " + StackClient.truncate(e.toString(), 160) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Counts count(List<Accepted> accepted) {
        try {
            List<String> ids = accepted.stream().map(Accepted::id).toList();
            List<String> agentIds = accepted.stream().filter(Accepted::agent).map(Accepted::id).toList();
            int stored = 0;
            Map<String, Integer> audit = new HashMap<>();
            Map<String, Integer> reports = new HashMap<>();
            var checks = mongo.getDatabase("autochec-verification").getCollection("checks");
            var auditEntries = mongo.getDatabase("autochec-audit").getCollection("audit_entries");
            var reportDocs = mongo.getDatabase("autochec-report").getCollection("reports");
            for (List<String> batch : batches(ids)) {
                for (Document check : checks.find(Filters.in("_id", batch)).projection(Projections.include("status", "options"))) {
                    if ("COMPLETED".equals(check.getString("status"))) {
                        stored++;
                    } else if ("NEEDS_CONFIRMATION".equals(check.getString("status"))) {
                        confirm(check);
                    }
                }
                for (Document entry : auditEntries
                        .find(Filters.and(Filters.in("checkId", batch), Filters.eq("action", "CHECK_PERFORMED")))
                        .projection(Projections.include("checkId"))) {
                    audit.merge(entry.getString("checkId"), 1, Integer::sum);
                }
            }
            for (List<String> batch : batches(agentIds)) {
                for (Document report : reportDocs.find(Filters.in("checkId", batch)).projection(Projections.include("checkId"))) {
                    reports.merge(report.getString("checkId"), 1, Integer::sum);
                }
            }
            int auditOk = 0, auditMissing = 0, auditDup = 0;
            for (String id : ids) {
                int n = audit.getOrDefault(id, 0);
                if (n == 0) auditMissing++;
                else if (n == 1) auditOk++;
                else auditDup++;
            }
            int reportsOk = 0, reportsMissing = 0, reportsDup = 0;
            for (String id : agentIds) {
                int n = reports.getOrDefault(id, 0);
                if (n == 0) reportsMissing++;
                else if (n == 1) reportsOk++;
                else reportsDup++;
            }
            return new Counts(ids.size(), agentIds.size(), stored, auditOk, auditMissing, auditDup, reportsOk,
                    reportsMissing, reportsDup);
        } catch (RuntimeException e) {
            System.out.println("  (count failed, retrying: " + StackClient.truncate(e.toString(), 160) + ")");
            return null;
        }
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return batches;
    }

    /** "valid (n)", "INVALID …" (the chain is broken) or "UNKNOWN …" (no answer within a minute): only valid passes. */
    String auditChain() throws InterruptedException {
        String last = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        do {
            try {
                HttpResponse<String> response =
                        client.get(StackClient.GATEWAY + "/api/audit/verify", client.token("admin"));
                String body = response.body();
                if (response.statusCode() == 200 && body.contains("\"valid\":true")) {
                    return "valid (" + body.replaceAll(".*\"entries\":(\\d+).*", "$1") + ")";
                }
                if (response.statusCode() == 200) {
                    return "INVALID " + StackClient.truncate(body, 60);
                }
                last = "HTTP " + response.statusCode();
            } catch (Exception e) {
                last = StackClient.truncate(e.toString(), 40);
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < deadline);
        return "UNKNOWN (" + last + ")";
    }

    boolean healthy(String component) {
        String probe = COMPONENTS.get(component);
        try {
            if (probe.equals("mongo")) {
                mongo.getDatabase("admin").runCommand(new Document("ping", 1));
                return true;
            }
            if (probe.equals("kafka")) {
                kafkaAdmin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
                return !kafkaAdmin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                        .get(3, TimeUnit.SECONDS).isEmpty();
            }
            HttpResponse<String> response = client.get(probe, null);
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : ALL_PID_FILES) {
            Path file = home.resolve("run/" + name + ".pid");
            try {
                if (Files.exists(file)) {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        pids.put(name, pid);
                    }
                }
            } catch (IOException | NumberFormatException ignored) {
                // not running
            }
        }
        return pids;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
