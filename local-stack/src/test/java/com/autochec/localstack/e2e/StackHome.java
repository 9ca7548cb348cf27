package com.autochec.localstack.e2e;

import java.nio.file.Path;

/** Where the stack under test keeps its state (pid files, demo data): {@code AUTOCHEC_HOME} of {@code ./autochec up}. */
final class StackHome {

    private StackHome() {
    }

    /**
     * {@code -Dautochec.home}, else the parent of {@code -Dautochec.secretsDir} (set by {@code ./autochec test}), else
     * {@code $AUTOCHEC_HOME}, else {@code <repoRoot>/.autochec}.
     */
    static Path home() {
        String home = System.getProperty("autochec.home", "");
        if (!home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        String secrets = System.getProperty("autochec.secretsDir", "");
        if (!secrets.isBlank()) {
            return Path.of(secrets).toAbsolutePath().getParent();
        }
        Path root = repoRoot();
        String env = System.getenv("AUTOCHEC_HOME");
        if (env != null && !env.isBlank()) {
            return root.resolve(env).toAbsolutePath().normalize();
        }
        return root.resolve(".autochec");
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("autochec.repoRoot", "..")).toAbsolutePath().normalize();
    }
}
