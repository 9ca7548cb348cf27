package com.autochec.report.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // the published test vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertThat(hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        String known = hmac("key", "1700000000.{\"a\":1}");
        assertThat(WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}")).isEqualTo("sha256=" + known);
    }

    @Test
    void verifiesOnlyTheSameSecretTimestampAndBody() {
        String secret = WebhookSignature.newSecret();
        String body = "{\"id\":\"e-1\",\"type\":\"CHECK_FAILED\"}";
        String signature = WebhookSignature.sign(secret, 1_700_000_000L, body);
        assertThat(WebhookSignature.verify(secret, "1700000000", body, signature)).isTrue();
        assertThat(WebhookSignature.verify(secret, "1700000001", body, signature)).as("other timestamp").isFalse();
        assertThat(WebhookSignature.verify(secret, "1700000000", body + " ", signature)).as("other body").isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), "1700000000", body, signature))
                .as("other secret").isFalse();
        assertThat(WebhookSignature.verify(secret, "not-a-number", body, signature)).isFalse();
        assertThat(WebhookSignature.verify(secret, "1700000000", body, null)).isFalse();
    }

    @Test
    void secretsAreRandomAndLongEnough() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 43);
            seen.add(secret);
        }
        assertThat(seen).hasSize(100);
    }

    /** The JDK's HMAC, independently of the class under test, as a receiver would compute it. */
    static String hmac(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
