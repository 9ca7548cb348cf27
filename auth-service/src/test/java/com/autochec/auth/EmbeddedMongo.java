package com.autochec.auth;

import de.bwaldvogel.mongo.MongoServer;
import com.autochec.localstack.mongo.SnapshottingMemoryBackend;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The MongoDB wire server in-process on a free port, on the local stack's indexed backend (secondary
 * indexes and {@code explain} as in the stack). auth-service uses no Kafka, so its integration tests take
 * only this half of local-stack's EmbeddedInfrastructure.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongo {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer() {
        MongoServer server = new MongoServer(new SnapshottingMemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    DynamicPropertyRegistrar embeddedMongoProperties(MongoServer mongo) {
        return registry -> registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:"
                + mongo.getLocalAddress().getPort());
    }
}
