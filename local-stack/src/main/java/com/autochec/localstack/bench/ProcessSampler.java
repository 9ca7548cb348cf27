package com.autochec.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU (% of one core, from the utime + stime deltas of {@code /proc/<pid>/stat}) and resident memory
 * ({@code VmRSS} of {@code /proc/<pid>/status}) of the stack's processes (pids from
 * {@code $AUTOCHEC_HOME/run/*.pid}) and of this JVM itself ("generator"). Linux only; elsewhere it measures nothing.
 */
public final class ProcessSampler {

    /** Clock ticks per second of /proc's times (getconf CLK_TCK; 100 on every Linux we run on). */
    private static final double TICKS = Double.parseDouble(System.getProperty("autochec.clkTck", "100"));

    /** Short column names, in print order. */
    static final Map<String, String> SHORT = new LinkedHashMap<>();

    static {
        SHORT.put("gateway-service", "gw");
        SHORT.put("verification-service", "verif");
        SHORT.put("mongo", "mongo");
        SHORT.put("kafka", "kafka");
        SHORT.put("audit-service", "audit");
        SHORT.put("report-service", "report");
        SHORT.put("ocr-worker", "ocr");
        SHORT.put("vehicle-service", "vehic");
        SHORT.put("document-service", "docs");
        SHORT.put("auth-service", "auth");
        SHORT.put("keycloak", "kc");
        SHORT.put("generator", "gen");
    }

    private final Path runDir;
    private Map<String, Long> pids = new LinkedHashMap<>();
    private Map<String, Long> startTicks = new LinkedHashMap<>();
    private long startNanos;

    public ProcessSampler(Path runDir) {
        this.runDir = runDir;
    }

    /** Reads the pid files again (a restarted component has a new pid). */
    public Map<String, Long> refreshPids() {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String name : SHORT.keySet()) {
            if (name.equals("generator")) {
                found.put(name, ProcessHandle.current().pid());
                continue;
            }
            Path file = runDir.resolve(name + ".pid");
            try {
                if (Files.exists(file)) {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    if (Files.exists(Path.of("/proc/" + pid))) {
                        found.put(name, pid);
                    }
                }
            } catch (IOException | NumberFormatException ignored) {
                // not running
            }
        }
        pids = found;
        return found;
    }

    public void start() {
        refreshPids();
        startTicks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> startTicks.put(name, cpuTicks(pid)));
        startNanos = System.nanoTime();
    }

    /** CPU % of a core and RSS (MB) of each process since {@link #start()}. */
    public Map<String, Usage> stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long before = startTicks.getOrDefault(name, -1L);
            long after = cpuTicks(pid);
            double cpu = before < 0 || after < 0 ? Double.NaN : 100.0 * (after - before) / TICKS / seconds;
            usage.put(name, new Usage(cpu, rssMb(pid)));
        });
        return usage;
    }

    public record Usage(double cpuPercent, long rssMb) {}

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // fields after the command (which may contain spaces) in parentheses: state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // gone
        }
        return -1;
    }

    /** "gw 85%/410M verif 60%/380M ..." for the processes that used CPU or exist. */
    public static String format(Map<String, Usage> usage) {
        StringBuilder line = new StringBuilder();
        usage.forEach((name, u) -> line.append(String.format("%s %s%%/%dM  ", SHORT.getOrDefault(name, name),
                Double.isNaN(u.cpuPercent()) ? "?" : String.valueOf(Math.round(u.cpuPercent())), u.rssMb())));
        return line.toString().trim();
    }

    public static double total(Map<String, Usage> usage) {
        return usage.values().stream().mapToDouble(u -> Double.isNaN(u.cpuPercent()) ? 0 : u.cpuPercent()).sum();
    }
}
