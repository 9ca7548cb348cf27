package com.autochec.audit.log;

import com.autochec.contracts.check.CheckCompleted;

/** Test access to the package-private event mapping. */
public final class TestDrafts {

    private TestDrafts() {}

    public static AuditEntry draft(CheckCompleted event) {
        return CheckCompletedAudit.draft(event);
    }
}
