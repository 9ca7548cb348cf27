package com.autochec.auth.account;

/**
 * PENDING waits for an admin; APPROVED links the account to the vehicle (at once when plate, VIN suffix and
 * certificate number all matched the registry); REJECTED carries the admin's reason.
 */
enum ClaimStatus {
    PENDING,
    APPROVED,
    REJECTED
}
