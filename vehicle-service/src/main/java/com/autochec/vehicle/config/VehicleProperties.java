package com.autochec.vehicle.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * vehicle-service settings ({@code autochec.vehicle.*}). The outbox relay's settings are the
 * platform's ({@code autochec.platform.outbox.*}).
 *
 * @param importMaxSize largest CSV body accepted by the import
 * @param topicPartitions partitions of the vehicle state topic
 * @param topicReplicas replication factor of the vehicle state topic
 */
@ConfigurationProperties("autochec.vehicle")
public record VehicleProperties(
        @DefaultValue("20MB") DataSize importMaxSize,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas) {}
