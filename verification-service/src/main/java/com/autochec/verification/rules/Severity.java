package com.autochec.verification.rules;

/**
 * How serious one rule result is. INFO states a fact (insurance valid, CT not yet due); the verdict is
 * the worst severity found: OK when nothing is worse than INFO, else WARNING or FAIL.
 */
public enum Severity {
    INFO,
    WARNING,
    FAIL
}
