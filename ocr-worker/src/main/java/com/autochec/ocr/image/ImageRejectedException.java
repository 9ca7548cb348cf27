package com.autochec.ocr.image;

/** An image refused before or during decoding, with the reason published to the caller. */
public class ImageRejectedException extends RuntimeException {

    private final FailureReason reason;

    public ImageRejectedException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
