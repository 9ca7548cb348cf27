package com.autochec.verification.check;

/**
 * PENDING while a photo is being read, NEEDS_CONFIRMATION when the reading is uncertain and the requester
 * must pick the plate ({@code POST /api/checks/{id}/confirm}), COMPLETED once a verdict is reached.
 */
public enum CheckStatus {
    PENDING,
    NEEDS_CONFIRMATION,
    COMPLETED
}
