package com.autochec.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The platform's settings, {@code autochec.platform.*}. Every service gets the same defaults; a
 * deployment changes them with environment variables.
 */
@ConfigurationProperties("autochec.platform")
public record PlatformProperties(
                @DefaultValue Web web,
        @DefaultValue Kafka kafka,
        @DefaultValue Outbox outbox,
        @DefaultValue Mongo mongo,
        @DefaultValue ObjectStore objectStore) {

    /**
     * @param maxJsonBody largest non-multipart request body (JSON API); multipart is limited by
     *     {@code spring.servlet.multipart.*}
     */
    public record Web(@DefaultValue("64KB") DataSize maxJsonBody) {}

    /**
     * @param maxRecordSize largest record the bytes template sends (images and their dead letters)
     * @param retryInitialInterval first back-off of a transient failure, doubled up to {@code retryMaxInterval}
     * @param unknownFailureRetries retries of a failure that is neither transient nor poison, before the dead letters
     * @param groupInstanceId this instance's stable name for static group membership (KIP-345), empty for dynamic
     *     membership: each listener container joins its group as {@code <groupInstanceId>-<listener id>}, so a
     *     restarted instance takes its partitions back at once instead of waiting for the session time-out of the
     *     consumer it replaces. Set it only where an instance keeps its name across restarts and no two instances
     *     share one (the local stack: the service's name; a StatefulSet: the pod's name)
     */
    public record Kafka(
            @DefaultValue("11MB") DataSize maxRecordSize,
            @DefaultValue("200ms") Duration retryInitialInterval,
            @DefaultValue("10s") Duration retryMaxInterval,
            @DefaultValue("200ms") Duration unknownFailureInterval,
            @DefaultValue("2") long unknownFailureRetries,
            @DefaultValue("") String groupInstanceId) {}

    /**
     * @param sweepInterval how often pending entries left by a crash or a broker outage are re-sent
     * @param batchSize entries read, sent and marked per round trip
     * @param sendTimeout how long a batch waits for the broker's acknowledgements
     */
    public record Outbox(
            @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("10s") Duration sendTimeout) {}

    /**
     * Where files live: {@code filesystem} under {@code directory} (local stack) or {@code s3}.
     */
    public record ObjectStore(
            @DefaultValue("filesystem") String type,
            @DefaultValue("objects") String directory,
            @DefaultValue S3 s3) {

        /** An S3-compatible store; credentials come from the environment (a Kubernetes Secret). */
        public record S3(
                String endpoint,
                @DefaultValue("autochec") String bucket,
                @DefaultValue("us-east-1") String region,
                @DefaultValue("true") boolean pathStyle,
                String accessKey,
                String secretKey) {}
    }

    /** Explicit MongoDB client time-outs (the driver's defaults wait for ever or 30 s). */
    public record Mongo(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("5s") Duration serverSelectionTimeout,
            @DefaultValue("2s") Duration maxWaitForConnection,
            @DefaultValue("100") int maxPoolSize) {}
}
