package com.autochec.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One service's section of {@code docs/access-matrix.md}: for each endpoint ({@code METHOD /path}, with
 * {@code ?name=} for a required query parameter), the HTTP status each of the five callers gets. A service's
 * access-matrix test lists its handler mappings, fails on any {@link #missing} from the matrix, then calls
 * each endpoint as each caller and compares with {@link Row#status}.
 *
 * <p>Format: a {@code ## <service>} heading followed by a markdown table whose first column is the endpoint in
 * backticks and whose next five columns are anonymous, agent, owner of vehicle, other owner, admin; each cell
 * starts with the expected status code (a note may follow).
 */
public final class AccessMatrix {

    /** The five callers, in the matrix's column order. */
    public enum Caller {
        ANONYMOUS,
        AGENT,
        OWNER_OF_VEHICLE,
        OTHER_OWNER,
        ADMIN
    }

    /** One endpoint's expected statuses and the notes written after them. */
    public record Row(String endpoint, Map<Caller, Integer> statuses, Map<Caller, String> notes) {

        public int status(Caller caller) {
            return statuses.get(caller);
        }
    }

    private static final Pattern STATUS = Pattern.compile("^\\s*(\\d{3})\\b\\s*(.*)$");

    private final Map<String, Row> rows;

    private AccessMatrix(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The section {@code ## service} of the repository's {@code docs/access-matrix.md}. */
    public static AccessMatrix forService(String service) {
        return read(locate(), service);
    }

    /** {@code docs/access-matrix.md}, found from the working directory upwards (a module's tests run in it). */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("access-matrix.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/access-matrix.md not found above " + Path.of("").toAbsolutePath());
    }

    public static AccessMatrix read(Path file, String service) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessMatrix parse(List<String> lines, String service) {
        int i = 0;
        while (i < lines.size() && !lines.get(i).strip().equals("## " + service)) {
            i++;
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException("No section '## " + service + "' in the access matrix");
        }
        i++;
        while (i < lines.size() && !lines.get(i).strip().startsWith("|")) {
            if (lines.get(i).startsWith("## ")) {
                throw new IllegalArgumentException("Section '" + service + "' has no table");
            }
            i++;
        }
        i += 2; // header and separator
        Map<String, Row> rows = new LinkedHashMap<>();
        for (; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells.size() < 6) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": expected 6 cells, got " + cells.size());
            }
            String endpoint = cells.get(0).replace("`", "").strip();
            Map<Caller, Integer> statuses = new EnumMap<>(Caller.class);
            Map<Caller, String> notes = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                String cell = cells.get(1 + caller.ordinal());
                Matcher m = STATUS.matcher(cell);
                if (!m.matches()) {
                    throw new IllegalArgumentException(
                            "Line " + (i + 1) + ", " + caller + ": a cell starts with the HTTP status, got '" + cell + "'");
                }
                statuses.put(caller, Integer.parseInt(m.group(1)));
                notes.put(caller, m.group(2).strip());
            }
            if (rows.put(endpoint, new Row(endpoint, statuses, notes)) != null) {
                throw new IllegalArgumentException("Endpoint listed twice: " + endpoint);
            }
        }
        return new AccessMatrix(rows);
    }

    private static List<String> cells(String line) {
        String body = line.strip();
        body = body.substring(1, body.endsWith("|") ? body.length() - 1 : body.length());
        List<String> cells = new ArrayList<>();
        for (String cell : body.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public Optional<Row> row(String endpoint) {
        return Optional.ofNullable(rows.get(endpoint));
    }

    /** The endpoints served but not in the matrix. */
    public List<String> missing(Collection<String> served) {
        return served.stream().filter(e -> !rows.containsKey(e)).sorted().toList();
    }

    /** The endpoints in the matrix but no longer served. */
    public List<String> stale(Collection<String> served) {
        return rows.keySet().stream().filter(e -> !served.contains(e)).sorted().toList();
    }

    /**
     * Every handler mapping whose path {@code listed} accepts, as {@code METHOD /path} with {@code ?name=} for each
     * required query parameter: what a service serves, to compare with its section ({@link #missing}, {@link #stale}).
     */
    public static Set<String> served(RequestMappingHandlerMapping mappings, Predicate<String> listed) {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            StringBuilder params = new StringBuilder();
            info.getParamsCondition().getExpressions().stream()
                    .filter(e -> !e.isNegated())
                    .forEach(e -> params.append(params.isEmpty() ? "?" : "&").append(e.getName()).append("="));
            for (String pattern : info.getPatternValues()) {
                if (listed.test(pattern)) {
                    for (var method : info.getMethodsCondition().getMethods()) {
                        served.add(method.name() + " " + pattern + params);
                    }
                }
            }
        }
        return served;
    }

    /** One call of an endpoint as one caller (with fresh data, the caller's token if any). */
    @FunctionalInterface
    public interface Call {
        MvcResult perform(String endpoint, Caller caller) throws Exception;
    }

    /** Each endpoint called as each caller: the answers whose status is not the matrix's, described; empty when all agree. */
    public List<String> mismatches(Call call) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : rows().values()) {
            for (Caller caller : Caller.values()) {
                MvcResult result = call.perform(row.endpoint(), caller);
                int status = result.getResponse().getStatus();
                if (status != row.status(caller)) {
                    failures.add(row.endpoint() + " as " + caller + ": expected " + row.status(caller) + ", got " + status
                            + " " + result.getResponse().getContentAsString());
                }
            }
        }
        return failures;
    }

    /**
     * What keeps the section and the service from matching, described; empty when they match: endpoints served
     * but missing from the matrix, endpoints in the matrix no longer served, served endpoints the test cannot call.
     */
    public List<String> coverageProblems(String service, Set<String> served, Set<String> requested) {
        List<String> problems = new ArrayList<>();
        missing(served).forEach(e -> problems.add(e + ": served by " + service + " but missing from docs/access-matrix.md"));
        stale(served).forEach(e -> problems.add(e + ": in docs/access-matrix.md but " + service + " no longer serves it"));
        served.stream().filter(e -> !requested.contains(e))
                .forEach(e -> problems.add(e + ": served, but the access-matrix test has no request for it"));
        return problems;
    }
}
