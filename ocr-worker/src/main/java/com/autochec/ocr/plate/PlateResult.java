package com.autochec.ocr.plate;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.ocr.image.FailureReason;
import java.util.List;

/**
 * The outcome of reading one plate photo: candidates best first (boxes in the original photo's
 * pixels) and the body colour estimated around the best one's plate (null when none), or the reason it failed.
 */
public record PlateResult(
        boolean success,
        FailureReason failureReason,
        String detail,
        List<PlateRead.PlateCandidate> candidates,
        String engine,
        long durationMillis,
        PlateRead.ColourEstimate colour) {

    /** Without a colour estimate. */
    public PlateResult(
            boolean success,
            FailureReason failureReason,
            String detail,
            List<PlateRead.PlateCandidate> candidates,
            String engine,
            long durationMillis) {
        this(success, failureReason, detail, candidates, engine, durationMillis, null);
    }

    static PlateResult failed(FailureReason reason, String detail, String engine, long durationMillis) {
        return new PlateResult(false, reason, detail, List.of(), engine, durationMillis, null);
    }
}
