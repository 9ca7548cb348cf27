package com.autochec.report.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs poppler's {@code pdfsig} on a PDF (tests skip when it is not installed). */
final class PdfsigCli {

    private PdfsigCli() {}

    static boolean available() {
        try {
            Process process = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(Path dir, String name, byte[] pdf) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}
