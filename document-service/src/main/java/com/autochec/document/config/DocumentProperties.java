package com.autochec.document.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of document-service ({@code autochec.document.*}); the outbox relay's are the platform's.
 *
 * @param maxImageBytes   largest accepted upload (JPEG, PNG or PDF)
 * @param maxPdfPages     a PDF with more pages is refused (only the first is read)
 * @param maxRenderPixels largest page or image (width × height) accepted: a decompression or PDF bomb is a 4xx
 * @param mail            e-mail of the expiry alerts (SMTP server: {@code spring.mail.*})
 */
@ConfigurationProperties("autochec.document")
public record DocumentProperties(int kafkaReplicationFactor, long maxImageBytes, long maxImportBytes, int maxPdfPages,
        long maxRenderPixels, Mail mail) {

    public DocumentProperties {
        if (kafkaReplicationFactor < 1) kafkaReplicationFactor = 1;
        if (maxImageBytes <= 0) maxImageBytes = 10L * 1024 * 1024;
        if (maxImportBytes <= 0) maxImportBytes = 50L * 1024 * 1024;
        if (maxPdfPages <= 0) maxPdfPages = 10;
        if (maxRenderPixels <= 0) maxRenderPixels = 40_000_000L;
        if (mail == null) mail = new Mail(true, null);
    }

    /** Whether alerts are e-mailed, and the sender address. */
    public record Mail(boolean enabled, String from) {
        public Mail {
            if (from == null || from.isBlank()) from = "alertes@autochec.local";
        }
    }
}
