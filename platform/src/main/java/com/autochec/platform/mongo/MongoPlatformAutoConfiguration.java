package com.autochec.platform.mongo;

import com.autochec.platform.PlatformProperties;
import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * MongoDB clients with explicit time-outs (a database outage fails fast and is retried by the caller,
 * instead of hanging a request thread for 30 s), and dates stored with the driver's UTC codecs,
 * independent of the JVM's zone.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettings.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class MongoPlatformAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer platformMongoTimeouts(PlatformProperties properties) {
        PlatformProperties.Mongo mongo = properties.mongo();
        return builder -> builder.applyToSocketSettings(socket -> socket.connectTimeout(
                                mongo.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(mongo.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        mongo.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(mongo.maxPoolSize())
                        .maxWaitTime(mongo.maxWaitForConnection().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnClass(MongoCustomConversions.class)
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs());
    }
}
