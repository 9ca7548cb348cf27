package com.autochec.auth.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** For web slices with a mocked {@link AuditTrail}: audited changes run, and their success outcomes are collected. */
public final class AuditTrailStubs {

    private AuditTrailStubs() {}

    /** Makes {@code audit.audited(...)} run the change; returns the outcome entries of the changes that succeeded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<AuditTrail.Entry> runChanges(AuditTrail audit) {
        List<AuditTrail.Entry> outcomes = new ArrayList<>();
        when(audit.audited(any(), any(), any())).thenAnswer(call -> {
            Object result = ((Supplier) call.getArgument(1)).get();
            outcomes.add((AuditTrail.Entry) ((Function) call.getArgument(2)).apply(result));
            return result;
        });
        when(audit.audited(any(), any())).thenAnswer(call -> {
            Object result = ((Supplier) call.getArgument(1)).get();
            outcomes.add(call.getArgument(0));
            return result;
        });
        return outcomes;
    }
}
