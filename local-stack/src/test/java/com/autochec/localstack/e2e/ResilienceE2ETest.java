package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With vehicle-service and document-service stopped, typed checks still answer correctly from verification-service's
 * read model (it never calls them); then both are started again with {@code ./autochec up}, as the drill does.
 */
class ResilienceE2ETest {

    private static final List<String> STOPPED = List.of("vehicle-service:8082", "document-service:8083");

    @Test
    void typedChecksAnswerFromTheReadModelWhileVehicleAndDocumentServicesAreStopped() throws Exception {
        Path home = StackHome.home();
        assumeThat(home.resolve("run")).as("the stack's run directory (AUTOCHEC_HOME)").isDirectory();
        try {
            for (String entry : STOPPED) {
                stop(home, entry.substring(0, entry.indexOf(':')), Integer.parseInt(entry.substring(entry.indexOf(':') + 1)));
            }

            long started = System.nanoTime();
            JsonNode ok = check("AB-123-CD");
            assertThat(ok.path("verdict").asString()).as(ok.toString()).isEqualTo("OK");
            assertThat(ok.path("vehicle").path("owner").path("name").asString()).isEqualTo("Odile Martin");
            assertThat(codes(check("EF-456-GH"))).contains("INSURANCE_EXPIRED");
            assertThat(codes(check("GH-789-JK"))).contains("INSPECTION_EXPIRED");
            assertThat(codes(check("ST-123-OL"))).contains("REPORTED_STOLEN");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("four checks").isLessThan(Duration.ofSeconds(10));
            HttpResponse<String> anonymous = Stack.postJson("/api/checks", "{\"plate\":\"123 AB 971\"}", null);
            assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
            assertThat(Stack.json(anonymous).path("verdict").asString()).isEqualTo("OK");

            HttpResponse<String> registry = Stack.get("/api/vehicles?plate=AB-123-CD&purpose=ROADSIDE_CONTROL", "agent");
            assertThat(registry.statusCode()).as("vehicle-service is really down: " + registry.body()).isEqualTo(503);
        } finally {
            restart(home);
        }
        for (String entry : STOPPED) {
            assertThat(listening(Integer.parseInt(entry.substring(entry.indexOf(':') + 1)))).as(entry + " back").isTrue();
        }
        assertThat(check("AB-123-CD").path("verdict").asString()).isEqualTo("OK");
    }

    private static JsonNode check(String plate) {
        HttpResponse<String> response = Stack.postJson("/api/checks",
                "{\"plate\":\"" + plate + "\",\"purpose\":\"ROADSIDE_CONTROL\"}", "agent");
        assertThat(response.statusCode()).as(plate + ": " + response.body()).isEqualTo(200);
        return Stack.json(response);
    }

    private static List<String> codes(JsonNode check) {
        return check.path("reasons").values().stream()
                .filter(r -> !"INFO".equals(r.path("severity").asString()))
                .map(r -> r.path("code").asString())
                .toList();
    }

    /** Stops a service as {@code ./autochec down} would (SIGTERM to the pid of its pid file) and waits until its port is free. */
    private static void stop(Path home, String name, int port) throws Exception {
        Path pidFile = home.resolve("run/" + name + ".pid");
        assumeThat(pidFile).as(name + " pid file").isRegularFile();
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assumeThat(process).as(name + " running").isPresent();
        process.get().destroy();
        process.get().onExit().get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(listening(port)).as(name + " stopped").isFalse();
    }

    /** {@code ./autochec up} starts what is not running (here the two stopped services) and waits for their health. */
    private static void restart(Path home) throws IOException, InterruptedException {
        Path log = home.resolve("logs/resilience-up.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder up = new ProcessBuilder(StackHome.repoRoot().resolve("autochec").toString(), "up")
                .directory(StackHome.repoRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        up.environment().put("AUTOCHEC_HOME", home.toString());
        int rc = up.start().waitFor();
        for (int attempt = 2; rc != 0 && attempt <= 3; attempt++) {
            rc = up.start().waitFor();
        }
        assertThat(rc).as("./autochec up (log: " + log + ")").isZero();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
