package com.autochec.audit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of audit-service ({@code autochec.audit.*}). */
@ConfigurationProperties("autochec.audit")
public record AuditProperties(int kafkaReplicationFactor, int appendRetries, int maxPageSize) {

    public AuditProperties {
        if (kafkaReplicationFactor < 1) kafkaReplicationFactor = 1;
        if (appendRetries < 1) appendRetries = 50;
        if (maxPageSize < 1) maxPageSize = 100;
    }
}
