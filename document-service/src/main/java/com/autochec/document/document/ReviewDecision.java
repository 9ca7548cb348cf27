package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;

/** An admin's decision on a document and the transitions it allows. */
public enum ReviewDecision {
    VALIDATE(DocumentStatus.VALIDATED),
    REJECT(DocumentStatus.REJECTED);

    private final DocumentStatus target;

    ReviewDecision(DocumentStatus target) {
        this.target = target;
    }

    public DocumentStatus target() {
        return target;
    }

    /** PENDING → VALIDATED/REJECTED; a validated document may be rejected and a rejected one validated. */
    public boolean allowedFrom(DocumentStatus current) {
        return current != null && current != target;
    }
}
