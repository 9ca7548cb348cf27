package com.autochec.verification.check;

/** Where the plate came from. */
public enum CheckSource {
    TYPED,
    PHOTO
}
