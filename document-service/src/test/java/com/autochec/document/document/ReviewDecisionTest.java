package com.autochec.document.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.document.DocumentStatus;
import org.junit.jupiter.api.Test;

class ReviewDecisionTest {

    @Test
    void pendingCanBeValidatedOrRejected() {
        assertThat(ReviewDecision.VALIDATE.allowedFrom(DocumentStatus.PENDING)).isTrue();
        assertThat(ReviewDecision.REJECT.allowedFrom(DocumentStatus.PENDING)).isTrue();
    }

    @Test
    void aDecisionCanBeReversedButNotRepeated() {
        assertThat(ReviewDecision.REJECT.allowedFrom(DocumentStatus.VALIDATED)).isTrue();
        assertThat(ReviewDecision.VALIDATE.allowedFrom(DocumentStatus.REJECTED)).isTrue();
        assertThat(ReviewDecision.VALIDATE.allowedFrom(DocumentStatus.VALIDATED)).isFalse();
        assertThat(ReviewDecision.REJECT.allowedFrom(DocumentStatus.REJECTED)).isFalse();
        assertThat(ReviewDecision.VALIDATE.target()).isEqualTo(DocumentStatus.VALIDATED);
    }
}
