package com.autochec.report.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The report-signing key and its (self-signed) certificate. */
public record SigningKeys(PrivateKey privateKey, X509Certificate certificate) {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** Creates an RSA-2048 key pair and a self-signed certificate for signing PDF reports. */
    public static SigningKeys generate(String subject, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)),
                    name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKeys(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create the report-signing key", e);
        }
    }

    /** Reads the key entry {@code alias} of a PKCS#12 keystore. */
    public static SigningKeys fromPkcs12(byte[] pkcs12, String password, String alias) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
            String entry = store.containsAlias(alias) ? alias : store.aliases().nextElement();
            PrivateKey key = (PrivateKey) store.getKey(entry, password.toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate(entry);
            if (key == null || certificate == null) {
                throw new IllegalStateException("No key entry '" + alias + "' in the report-signing keystore");
            }
            return new SigningKeys(key, certificate);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read the report-signing keystore", e);
        }
    }

    /** This key and certificate as a PKCS#12 keystore. */
    public byte[] toPkcs12(String password, String alias) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password.toCharArray(), new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot write the report-signing keystore", e);
        }
    }
}
