package com.autochec.platform.security;

import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.problem.ApiProblem;

/** A request's {@code purpose} and {@code purposeText} parameters, read by {@link StatedPurpose}'s rule. */
public final class PurposeRequests {

    private PurposeRequests() {}

    /**
     * The purpose the request states ({@link StatedPurpose#NONE} when none is given and none is {@code required}).
     *
     * @throws ApiProblem a 400 validation problem naming the field, when the purpose is missing but required,
     *     unknown, or {@code OTHER} without a text, or the text is too long
     */
    public static StatedPurpose parse(String purpose, String purposeText, boolean required) {
        return StatedPurpose.parse(purpose, purposeText, required, (field, message) -> {
            throw ApiProblem.validation(field, message);
        });
    }
}
