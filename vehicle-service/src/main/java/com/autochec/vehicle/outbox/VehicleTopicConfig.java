package com.autochec.vehicle.outbox;

import com.autochec.contracts.Topics;
import com.autochec.vehicle.config.VehicleProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** vehicle-service owns the vehicle state topic: compacted, keyed by vehicle id. */
@Configuration(proxyBeanMethods = false)
class VehicleTopicConfig {

    @Bean
    NewTopic vehicleStateTopic(VehicleProperties properties) {
        return TopicBuilder.name(Topics.VEHICLE_STATE)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .compact()
                .build();
    }
}
