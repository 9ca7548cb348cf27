package com.autochec.audit.checkpoint;

import com.autochec.audit.config.AuditProperties;
import com.autochec.audit.log.AuditLog;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The checkpoint key (read or created at start: a service that cannot sign does not start), files and topic. */
@Configuration(proxyBeanMethods = false)
class CheckpointConfig {

    @Bean
    Checkpoints checkpoints(AuditLog auditLog, AuditProperties properties, JsonMapper json,
            @Qualifier("bytesKafkaTemplate") KafkaTemplate<String, byte[]> kafka, KafkaProperties kafkaProperties,
            Clock clock) {
        return new Checkpoints(auditLog, CheckpointKey.load(properties),
                new CheckpointFiles(properties.dataDir(), json), new CheckpointTopic(kafka, kafkaProperties, json),
                clock);
    }

    @Bean
    ChainVerifier chainVerifier(AuditLog auditLog, Checkpoints checkpoints) {
        return new ChainVerifier(auditLog, checkpoints);
    }

    @Bean
    CheckpointSchedule checkpointSchedule(Checkpoints checkpoints, AuditProperties properties) {
        return new CheckpointSchedule(checkpoints, properties.checkpoint().interval());
    }
}
