package com.autochec.verification.rules;

import java.util.List;

/** The outcome of the rules: the worst severity (FAIL > WARNING > OK) and every reason behind it. */
public record Verdict(Severity severity, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(List<Reason> reasons) {
        Severity worst = Severity.OK;
        for (Reason reason : reasons) {
            if (reason.severity().compareTo(worst) > 0) {
                worst = reason.severity();
            }
        }
        return new Verdict(worst, reasons);
    }
}
