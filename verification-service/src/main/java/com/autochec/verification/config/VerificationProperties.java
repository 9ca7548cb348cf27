package com.autochec.verification.config;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of verification-service ({@code autochec.verification.*}).
 *
 * @param zone the zone whose calendar day the validity rules use
 * @param maxJsonBody the largest JSON request body accepted
 * @param maxPhoto the largest plate photo accepted
 * @param outboxSweepInterval how often leftover events (completed checks, plate images) are re-sent
 * @param outboxGrace how old a leftover must be before the sweep re-sends it (the kick after the write comes first)
 * @param outboxQueue how many kicked sends may wait; beyond that the sweep picks them up
 * @param replicationFactor replication of the topics this service declares
 */
@ConfigurationProperties("autochec.verification")
public record VerificationProperties(
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("16KB") DataSize maxJsonBody,
        @DefaultValue("10MB") DataSize maxPhoto,
        @DefaultValue("5s") Duration outboxSweepInterval,
        @DefaultValue("10s") Duration outboxGrace,
        @DefaultValue("10000") int outboxQueue,
        @DefaultValue("1") short replicationFactor) {}
