package com.autochec.report.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed: {@code X-Autochec-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>},
 * the timestamp being the {@code X-Autochec-Timestamp} header (Unix seconds), so a receiver can refuse replays of old
 * deliveries. Secrets are 32 random bytes (SecureRandom), URL-safe Base64 with a {@code whsec_} prefix.
 */
public final class WebhookSignature {

    public static final String PREFIX = "sha256=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new endpoint secret. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader) {
        if (secret == null || timestampHeader == null || body == null || signatureHeader == null) return false;
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
