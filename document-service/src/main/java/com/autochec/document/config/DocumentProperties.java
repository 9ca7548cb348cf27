package com.autochec.document.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of document-service ({@code autochec.document.*}). */
@ConfigurationProperties("autochec.document")
public record DocumentProperties(
        int kafkaReplicationFactor,
        long maxImageBytes,
        long maxImportBytes,
        int outboxBatchSize,
        Duration outboxSweepInterval,
        Duration sendTimeout) {

    public DocumentProperties {
        if (kafkaReplicationFactor < 1) kafkaReplicationFactor = 1;
        if (maxImageBytes <= 0) maxImageBytes = 10L * 1024 * 1024;
        if (maxImportBytes <= 0) maxImportBytes = 50L * 1024 * 1024;
        if (outboxBatchSize <= 0) outboxBatchSize = 1000;
        if (outboxSweepInterval == null) outboxSweepInterval = Duration.ofSeconds(5);
        if (sendTimeout == null) sendTimeout = Duration.ofSeconds(30);
    }
}
