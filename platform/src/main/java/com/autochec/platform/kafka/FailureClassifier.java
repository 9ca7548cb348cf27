package com.autochec.platform.kafka;

import java.util.Set;

/**
 * Tells a transient failure (the database or the broker unavailable, a time-out: retry until it
 * works) from a poison record (it will never be processed: dead-letter it). Classes are matched by
 * name along the cause chain and the class hierarchy, so the platform needs neither driver.
 */
public final class FailureClassifier {

    /** Failures that go away when the infrastructure comes back. */
    private static final Set<String> TRANSIENT = Set.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.RecoverableDataAccessException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "org.apache.kafka.common.errors.RetriableException",
            "java.util.concurrent.TimeoutException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.io.UncheckedIOException",
            "com.autochec.platform.kafka.TransientFailureException");

    /** Failures no retry can fix. */
    private static final Set<String> POISON = Set.of(
            "com.autochec.platform.kafka.PoisonRecordException",
            "org.springframework.kafka.support.serializer.DeserializationException",
            "org.springframework.messaging.converter.MessageConversionException",
            "org.springframework.core.convert.ConversionException",
            "org.springframework.messaging.handler.invocation.MethodArgumentResolutionException",
            "jakarta.validation.ValidationException",
            "java.lang.IllegalArgumentException",
            "java.lang.ClassCastException");

    private FailureClassifier() {}

    public enum Kind {
        TRANSIENT,
        POISON,
        UNKNOWN
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches(t, POISON)) {
                return Kind.POISON;
            }
            if (matches(t, TRANSIENT)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNKNOWN;
    }

    public static boolean isTransient(Throwable failure) {
        return classify(failure) == Kind.TRANSIENT;
    }

    private static boolean matches(Throwable t, Set<String> names) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
