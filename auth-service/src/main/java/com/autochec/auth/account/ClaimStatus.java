package com.autochec.auth.account;

/** A claim waits for an admin; approval and the link in vehicle-service come later. */
enum ClaimStatus {
    PENDING,
    APPROVED,
    REJECTED
}
