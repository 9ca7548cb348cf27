package com.autochec.contracts.plate;

import java.util.Objects;

/**
 * The input cannot be a licence plate of any country. {@link #code()} is stable (for problem types,
 * tests and translations); the message says why in words a user understands and never echoes the input.
 */
public class InvalidPlateException extends IllegalArgumentException {

    /** Why the input was refused. */
    public enum Code {
        /** Null, blank, or only spaces, dashes and dots. */
        PLATE_REQUIRED("plate is required"),
        /** Fewer than 2 letters and digits. */
        PLATE_TOO_SHORT("plate must have at least 2 letters or digits"),
        /** More than 10 letters and digits, or an input longer than 32 characters. */
        PLATE_TOO_LONG("plate must have at most 10 letters or digits"),
        /** Anything but ASCII letters, digits, spaces, dashes and dots. */
        PLATE_INVALID_CHARACTERS("plate may only contain letters, digits, spaces, dashes and dots"),
        /** A French plate whose number is zero: SIV numbers run 001-999 and FNI numbers start at 1. */
        PLATE_NUMBER_NOT_ISSUED("plate number 0 is never issued in France");

        private final String message;

        Code(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Code code;

    public InvalidPlateException(Code code) {
        super(Objects.requireNonNull(code).message());
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
