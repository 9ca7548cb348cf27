package com.autochec.ocr.plate;

import java.util.List;

/**
 * Lets an engine skip the recognition of text lines that cannot change the best plate candidate.
 * The engine reads lines from the tallest box down and asks before each one; once told no, it may
 * stop, because a shorter line can only be worth less.
 */
@FunctionalInterface
interface LineTriage {

    /** Reads every line. */
    LineTriage ALL = (read, boxHeight) -> true;

    /**
     * Whether a line whose box is {@code boxHeight} pixels high could still yield a candidate that
     * beats the best of the lines {@code read} so far (every one of them at least as tall).
     */
    boolean worthReading(List<TextLine> read, int boxHeight);
}
