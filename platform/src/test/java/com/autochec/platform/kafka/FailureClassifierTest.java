package com.autochec.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.platform.kafka.FailureClassifier.Kind;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class FailureClassifierTest {

    @Test
    void infrastructureOutagesAreTransientEvenWhenWrapped() {
        assertThat(FailureClassifier.classify(new DataAccessResourceFailureException("mongo down"))).isEqualTo(Kind.TRANSIENT);
        assertThat(FailureClassifier.classify(new QueryTimeoutException("slow"))).isEqualTo(Kind.TRANSIENT);
        assertThat(FailureClassifier.classify(new ListenerExecutionFailedException(
                        "listener failed", new IllegalStateException("wrapped", new ConnectException("refused")))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(FailureClassifier.classify(new org.apache.kafka.common.errors.TimeoutException("broker")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(FailureClassifier.classify(new TimeoutException())).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void recordsThatCanNeverBeProcessedArePoison() {
        assertThat(FailureClassifier.classify(new PoisonRecordException("bad event"))).isEqualTo(Kind.POISON);
        assertThat(FailureClassifier.classify(new ListenerExecutionFailedException("x", new IllegalArgumentException("bad"))))
                .isEqualTo(Kind.POISON);
        assertThat(FailureClassifier.classify(new DeserializationException("not json", new byte[] {1}, false, null)))
                .isEqualTo(Kind.POISON);
    }

    @Test
    void aPoisonCauseWinsOverAnOuterTransientLookingWrapper() {
        assertThat(FailureClassifier.classify(new TransientFailureException("x", new PoisonRecordException("bad"))))
                .isEqualTo(Kind.TRANSIENT); // the outermost classified cause decides
        assertThat(FailureClassifier.classify(new NullPointerException())).isEqualTo(Kind.UNKNOWN);
    }
}
