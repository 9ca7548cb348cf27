package com.autochec.report.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * report-service settings.
 *
 * @param publicUrl base URL of the public entry point (the gateway) used in the QR code of each report
 * @param zone time zone in which dates are printed on reports and in file names
 * @param signing where the report-signing key comes from
 * @param webhooks the outgoing webhooks' delivery policy
 */
@ConfigurationProperties("autochec.report")
public record ReportProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue Signing signing,
        @DefaultValue Webhooks webhooks) {

    /**
     * @param keystorePath optional PKCS#12 file holding the signing key and certificate; when blank the key is
     *     created at first start and kept in the MongoDB collection {@code signing_keys}
     * @param keystorePassword password of that PKCS#12; required with a keystore file (no default is committed:
     *     the local stack generates one at first {@code up}, compose and k8s take it from a secret); without a file,
     *     a random one is generated with the key and stored beside it unless this is set
     * @param keyAlias alias of the key entry in the PKCS#12
     * @param subject X.500 subject of the self-signed certificate created at first start
     */
    public record Signing(
            @DefaultValue("") String keystorePath,
            @DefaultValue("") String keystorePassword,
            @DefaultValue("autochec-report") String keyAlias,
            @DefaultValue("CN=Autochec report-service, O=Autochec, C=FR") String subject) {}

    /**
     * Outgoing webhooks (docs/webhooks.md).
     *
     * @param enabled whether the sender runs (deliveries are recorded either way)
     * @param allowInsecureLocalhost accept {@code http://} URLs on a loopback address (the local stack and tests
     *     only: in production every endpoint is {@code https://} on a public address)
     * @param connectTimeout HTTP connect time-out of a delivery
     * @param readTimeout time allowed for the receiver's response
     * @param backoff waits before the 2nd, 3rd... attempt (the last one repeats), each with ±20 % jitter
     * @param maxAttempts attempts before a delivery is given up (FAILED)
     * @param lease how long a claimed delivery is this instance's before another may take it over
     * @param pollInterval how often due deliveries are looked for
     * @param batchSize deliveries claimed per poll
     */
    public record Webhooks(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("false") boolean allowInsecureLocalhost,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue({"10s", "30s", "2m", "10m", "1h", "3h", "6h", "12h"}) List<Duration> backoff,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize) {}

    /** The link an owner gives a buyer: {@code <public URL>/verify/shared/<token>}. */
    public String shareUrl(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/verify/shared/" + token;
    }

    /** The public authenticity page printed (as a QR code) on a report: {@code <public URL>/verify/<reportId>}. */
    public String verificationUrl(String reportId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/verify/" + reportId;
    }
}
