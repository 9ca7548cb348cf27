package com.autochec.vehicle.claims;

import com.autochec.contracts.Topics;
import com.autochec.vehicle.config.VehicleProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The dead-letter topic of the account links this service consumes. */
@Configuration(proxyBeanMethods = false)
class ClaimsKafkaConfig {

    @Bean
    NewTopic accountVehicleLinksDeadLetterTopic(VehicleProperties properties) {
        return TopicBuilder.name(Topics.ACCOUNT_VEHICLE_LINKS + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(properties.topicReplicas())
                .build();
    }
}
