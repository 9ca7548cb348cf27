package com.autochec.contracts.vin;

import java.util.Objects;

/**
 * The input is not a vehicle identification number. {@link #code()} is stable; the message says why in
 * words a user understands and never echoes the input.
 */
public class InvalidVinException extends IllegalArgumentException {

    /** Why the input was refused. */
    public enum Code {
        /** Null or blank. */
        VIN_REQUIRED("VIN is required"),
        /** Not exactly 17 characters once spaces are removed. */
        VIN_WRONG_LENGTH("VIN must be 17 characters long"),
        /** The letters I, O and Q, which VINs never use (they look like 1 and 0). */
        VIN_FORBIDDEN_LETTER("VIN must not contain the letters I, O or Q"),
        /** Anything but ASCII letters and digits. */
        VIN_INVALID_CHARACTERS("VIN may only contain letters and digits"),
        /** A first character 0: no ISO 3779 region starts with 0. */
        VIN_UNKNOWN_REGION("VIN must not start with 0");

        private final String message;

        Code(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Code code;

    public InvalidVinException(Code code) {
        super(Objects.requireNonNull(code).message());
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
