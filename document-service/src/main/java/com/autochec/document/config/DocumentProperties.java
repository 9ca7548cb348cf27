package com.autochec.document.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of document-service ({@code autochec.document.*}); the outbox relay's are the platform's. */
@ConfigurationProperties("autochec.document")
public record DocumentProperties(int kafkaReplicationFactor, long maxImageBytes, long maxImportBytes) {

    public DocumentProperties {
        if (kafkaReplicationFactor < 1) kafkaReplicationFactor = 1;
        if (maxImageBytes <= 0) maxImageBytes = 10L * 1024 * 1024;
        if (maxImportBytes <= 0) maxImportBytes = 50L * 1024 * 1024;
    }
}
