package com.autochec.platform.mongo;

import com.autochec.platform.PlatformProperties;
import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The platform's time-outs, except those the connection string sets itself (e.g. the local stack's
     * {@code serverSelectionTimeoutMS} while the embedded store loads its snapshot at start).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer platformMongoTimeouts(
            PlatformProperties properties, @Value("${spring.mongodb.uri:}") String uri) {
        PlatformProperties.Mongo mongo = properties.mongo();
        String options = uri.toLowerCase(java.util.Locale.ROOT);
        return builder -> {
            builder.applyToSocketSettings(socket -> {
                if (!options.contains("connecttimeoutms")) {
                    socket.connectTimeout(mongo.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                if (!options.contains("sockettimeoutms")) {
                    socket.readTimeout(mongo.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
            if (!options.contains("serverselectiontimeoutms")) {
                builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        mongo.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            builder.applyToConnectionPoolSettings(pool -> {
                if (!options.contains("maxpoolsize")) {
                    pool.maxSize(mongo.maxPoolSize());
                }
                if (!options.contains("waitqueuetimeoutms")) {
                    pool.maxWaitTime(mongo.maxWaitForConnection().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        };
    }

    @Bean
    @ConditionalOnClass(MongoCustomConversions.class)
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs());
    }
}
