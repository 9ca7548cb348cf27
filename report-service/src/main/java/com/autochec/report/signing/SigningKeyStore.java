package com.autochec.report.signing;

import com.autochec.report.config.ReportProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where the signing key lives: a PKCS#12 file when {@code autochec.report.signing.keystore-path} is set (created
 * there at first start if missing; its password is then required: no password is committed), otherwise the MongoDB
 * collection {@code signing_keys}, created at first start and kept (tests and a single process without the local
 * stack's script; the PKCS#12 password is then the configured one, or a random one generated with the key and
 * stored beside it). Several instances starting together agree on one key (insert with a fixed id, the loser
 * re-reads).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyStore {

    static final String KEY_ID = "report-signing";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    @Bean
    SigningKeys signingKeys(ReportProperties properties, MongoTemplate mongo, Clock clock) {
        ReportProperties.Signing signing = properties.signing();
        if (!signing.keystorePath().isBlank()) {
            return fromFile(Path.of(signing.keystorePath()), signing, clock);
        }
        return fromMongo(mongo, signing, clock);
    }

    static SigningKeys fromFile(Path path, ReportProperties.Signing signing, Clock clock) {
        if (signing.keystorePassword().isBlank()) {
            throw new IllegalStateException("The report-signing keystore " + path + " needs its password: set "
                    + "REPORT_SIGNING_KEYSTORE_PASSWORD (autochec.report.signing.keystore-password)");
        }
        try {
            if (Files.exists(path)) {
                return SigningKeys.fromPkcs12(Files.readAllBytes(path), signing.keystorePassword(), signing.keyAlias());
            }
            SigningKeys keys = SigningKeys.generate(signing.subject(), clock);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.write(path, keys.toPkcs12(signing.keystorePassword(), signing.keyAlias()));
            log.info("Created the report-signing key in {}", path);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the report-signing keystore " + path, e);
        }
    }

    static SigningKeys fromMongo(MongoTemplate mongo, ReportProperties.Signing signing, Clock clock) {
        StoredKey stored = mongo.findById(KEY_ID, StoredKey.class);
        if (stored == null) {
            SigningKeys keys = SigningKeys.generate(signing.subject(), clock);
            // with a configured password nothing but the encrypted PKCS#12 is stored; otherwise a random one
            String generated = signing.keystorePassword().isBlank() ? randomPassword() : null;
            String password = generated != null ? generated : signing.keystorePassword();
            StoredKey created = new StoredKey(KEY_ID, keys.toPkcs12(password, signing.keyAlias()),
                    keys.certificate().getSubjectX500Principal().getName(), clock.instant(), generated);
            try {
                mongo.insert(created);
                log.info("Created the report-signing key ({})", created.subject());
                return keys;
            } catch (DuplicateKeyException raced) {
                stored = mongo.findById(KEY_ID, StoredKey.class);
            }
        }
        String password = stored.password() != null ? stored.password() : signing.keystorePassword();
        if (password.isBlank()) {
            throw new IllegalStateException("The stored report-signing key was created with a password: set "
                    + "REPORT_SIGNING_KEYSTORE_PASSWORD (autochec.report.signing.keystore-password)");
        }
        return SigningKeys.fromPkcs12(stored.pkcs12(), password, signing.keyAlias());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code password} is set only when it was generated (no configured password) at the key's creation. */
    @Document("signing_keys")
    record StoredKey(@Id String id, byte[] pkcs12, String subject, Instant createdAt, String password) {}
}
