package com.autochec.verification.rules;

import java.util.List;

/** The outcome of the rules: the worst severity and every result behind it, in rule order. */
public record Verdict(Severity severity, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(List<Reason> reasons) {
        Severity worst = Severity.INFO;
        for (Reason reason : reasons) {
            if (reason.severity().compareTo(worst) > 0) {
                worst = reason.severity();
            }
        }
        return new Verdict(worst, reasons);
    }

    /** OK, WARNING or FAIL: what a check shows and publishes. */
    public String outcome() {
        return severity == Severity.INFO ? "OK" : severity.name();
    }

    /** The results worse than INFO. */
    public List<Reason> problems() {
        return reasons.stream().filter(r -> r.severity() != Severity.INFO).toList();
    }
}
