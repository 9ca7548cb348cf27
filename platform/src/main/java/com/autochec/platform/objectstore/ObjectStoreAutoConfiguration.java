package com.autochec.platform.objectstore;

import com.autochec.platform.PlatformProperties;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link ObjectStore}: {@code autochec.platform.object-store.type=filesystem} (default; the local
 * stack, under {@code directory}) or {@code s3} (MinIO/S3: endpoint, bucket, region, credentials from
 * the environment).
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class ObjectStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "autochec.platform.object-store.type", havingValue = "filesystem", matchIfMissing = true)
    ObjectStore fileSystemObjectStore(PlatformProperties properties) {
        return new FileSystemObjectStore(Path.of(properties.objectStore().directory()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3Client.class)
    @ConditionalOnProperty(name = "autochec.platform.object-store.type", havingValue = "s3")
    static class S3 {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        S3Client objectStoreS3Client(PlatformProperties properties) {
            PlatformProperties.ObjectStore.S3 s3 = properties.objectStore().s3();
            var builder = S3Client.builder()
                    .region(Region.of(s3.region()))
                    .forcePathStyle(s3.pathStyle())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
            if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
                builder.endpointOverride(URI.create(s3.endpoint()));
            }
            return builder.build();
        }

        @Bean
        @ConditionalOnMissingBean(ObjectStore.class)
        ObjectStore s3ObjectStore(S3Client objectStoreS3Client, PlatformProperties properties) {
            S3ObjectStore store = new S3ObjectStore(objectStoreS3Client, properties.objectStore().s3().bucket());
            store.ensureBucket();
            return store;
        }
    }
}
