package com.autochec.verification.rules;

/** How serious one rule outcome is; the verdict is the worst severity found. */
public enum Severity {
    OK,
    WARNING,
    FAIL
}
