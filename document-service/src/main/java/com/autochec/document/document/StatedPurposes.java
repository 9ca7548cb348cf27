package com.autochec.document.document;

import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.PurposeRequests;

/**
 * Who must say why they read or upload a document: agents always state a purpose; an admin's, when given, is
 * checked the same way (the review queue is read without); owners need none and what they send is ignored.
 * Anything invalid is a 400 validation problem.
 */
public final class StatedPurposes {

    private StatedPurposes() {}

    /** The purpose {@code caller} stated with the {@code purpose} and {@code purposeText} request fields. */
    public static StatedPurpose of(Caller caller, String purpose, String purposeText) {
        if (!caller.isStaff()) return StatedPurpose.NONE;
        return PurposeRequests.parse(purpose, purposeText, caller.isAgent());
    }
}
