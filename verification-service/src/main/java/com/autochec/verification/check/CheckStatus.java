package com.autochec.verification.check;

/** PENDING while a photo is being read, COMPLETED once a verdict is reached. */
public enum CheckStatus {
    PENDING,
    COMPLETED
}
