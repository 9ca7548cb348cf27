package com.autochec.localstack.testing;

import de.bwaldvogel.mongo.MongoServer;
import com.autochec.localstack.mongo.SnapshottingMemoryBackend;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The in-process infrastructure every service's integration tests run against: a real Apache Kafka
 * broker in KRaft mode and a MongoDB wire-protocol server (the local stack's indexed memory backend, not
 * journaled), both on free ports. Hot queries can be checked with {@code explain}: see {@link IndexAssertions}.
 *
 * <p>Import it from a test ({@code @Import(EmbeddedInfrastructure.class)}) or from a
 * {@code TestXxxApplication} to run a service locally without anything installed. Spring's test
 * context cache shares one instance between test classes with the same configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedInfrastructure {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer() {
        // the local stack's backend without a journal: secondary indexes and explain work as in the stack
        MongoServer server = new MongoServer(new SnapshottingMemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    EmbeddedKafkaBroker embeddedKafkaBroker() {
        // EmbeddedKafkaKraftBroker is started by its afterPropertiesSet() and stopped by destroy().
        return new EmbeddedKafkaKraftBroker(1, 4).brokerProperty("auto.create.topics.enable", "true");
    }

    @Bean
    DynamicPropertyRegistrar embeddedInfrastructureProperties(MongoServer mongo, EmbeddedKafkaBroker kafka) {
        return registry -> {
            registry.add("spring.mongodb.uri", () -> "mongodb://" + mongo.getLocalAddress().getHostString() + ":"
                    + mongo.getLocalAddress().getPort());
            registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
        };
    }
}
