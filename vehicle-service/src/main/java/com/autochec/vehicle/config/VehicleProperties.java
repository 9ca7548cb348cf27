package com.autochec.vehicle.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * vehicle-service settings ({@code autochec.vehicle.*}).
 *
 * @param importMaxSize largest CSV body accepted by the import
 * @param outboxBatchSize pending events the relay reads, sends and marks per round
 * @param outboxSweepInterval how often the relay looks for events left pending (crash, Kafka down)
 * @param outboxSendTimeout how long the relay waits for Kafka to acknowledge one batch
 * @param topicPartitions partitions of the vehicle state topic
 * @param topicReplicas replication factor of the vehicle state topic
 */
@ConfigurationProperties("autochec.vehicle")
public record VehicleProperties(
        @DefaultValue("20MB") DataSize importMaxSize,
        @DefaultValue("1000") int outboxBatchSize,
        @DefaultValue("10s") Duration outboxSweepInterval,
        @DefaultValue("30s") Duration outboxSendTimeout,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas) {}
