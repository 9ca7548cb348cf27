package com.autochec.audit.checkpoint;

import com.autochec.audit.config.AuditProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs the chain's checkpoints; MongoDB never holds it. Either a PKCS#12 keystore
 * ({@code autochec.audit.checkpoint.keystore}, its password required; the local stack generates an Ed25519 one at
 * first {@code up}), or the file {@code <dataDir>/checkpoint-signing.key} (Ed25519, created at first start, owner
 * read/write only). Ed25519 keys sign with Ed25519, EC keys with SHA256withECDSA.
 */
public final class CheckpointKey {

    static final String KEY_FILE = "checkpoint-signing.key";
    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String algorithm;

    CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.algorithm = "EC".equals(publicKey.getAlgorithm()) ? "SHA256withECDSA" : "Ed25519";
    }

    static CheckpointKey load(AuditProperties properties) {
        AuditProperties.Checkpoint settings = properties.checkpoint();
        if (!settings.keystore().isBlank()) {
            return fromKeystore(Path.of(settings.keystore()), settings.keystorePassword(), settings.keyAlias());
        }
        return fromFile(properties.dataDir().resolve(KEY_FILE));
    }

    static CheckpointKey fromKeystore(Path path, String password, String alias) {
        if (password.isBlank()) {
            throw new IllegalStateException("The audit checkpoint keystore " + path + " needs its password: set "
                    + "AUDIT_CHECKPOINT_KEYSTORE_PASSWORD (autochec.audit.checkpoint.keystore-password)");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            String entry = store.containsAlias(alias) ? alias : store.aliases().nextElement();
            PrivateKey key = (PrivateKey) store.getKey(entry, password.toCharArray());
            Certificate certificate = store.getCertificate(entry);
            if (key == null || certificate == null) {
                throw new IllegalStateException("No key entry '" + alias + "' in the audit checkpoint keystore " + path);
            }
            return new CheckpointKey(key, certificate.getPublicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint keystore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the audit checkpoint keystore " + path, e);
        }
    }

    /** Reads the key file, or creates it (Ed25519) when missing. */
    static CheckpointKey fromFile(Path path) {
        try {
            if (!Files.exists(path)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Properties file = new Properties();
                file.setProperty("algorithm", "Ed25519");
                file.setProperty("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                file.setProperty("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                Files.createDirectories(path.toAbsolutePath().getParent());
                Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // (Windows) the directory's ACL applies
                }
                try (var out = Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1)) {
                    file.store(out, "audit-service checkpoint signing key (Ed25519) - keep it outside MongoDB");
                }
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
                log.info("Created the audit checkpoint signing key in {}", path);
            }
            Properties file = new Properties();
            try (var in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
                file.load(in);
            }
            String algorithm = file.getProperty("algorithm", "Ed25519");
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(file.getProperty("private"))));
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(file.getProperty("public"))));
            return new CheckpointKey(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the audit checkpoint key file " + path, e);
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The audit checkpoint key file " + path + " is not a key", e);
        }
    }

    String algorithm() {
        return "Ed25519".equals(algorithm) ? "Ed25519" : "ECDSA-SHA256";
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(String text) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an audit checkpoint", e);
        }
    }

    /** Whether {@code signatureBase64} is this key's signature of {@code text}. */
    boolean verifies(String text, String signatureBase64) {
        if (text == null || signatureBase64 == null) return false;
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
