package com.autochec.contracts.document;

/** Review state of a document: uploads start PENDING until an admin validates or rejects them. */
public enum DocumentStatus {
    PENDING,
    VALIDATED,
    REJECTED
}
