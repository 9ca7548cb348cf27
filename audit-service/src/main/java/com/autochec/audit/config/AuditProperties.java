package com.autochec.audit.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of audit-service ({@code autochec.audit.*}).
 *
 * @param dataDir the service's data directory (outside MongoDB): signed checkpoints, and the checkpoint key when no
 *     keystore is given
 * @param checkpoint how the chain's head is signed and how often
 * @param retention how long each kind of record keeps its personal fields
 */
@ConfigurationProperties("autochec.audit")
public record AuditProperties(
        int kafkaReplicationFactor,
        int appendRetries,
        int maxPageSize,
        @DefaultValue("data/audit-service") Path dataDir,
        @DefaultValue Checkpoint checkpoint,
        @DefaultValue Retention retention) {

    public AuditProperties {
        if (kafkaReplicationFactor < 1) kafkaReplicationFactor = 1;
        if (appendRetries < 1) appendRetries = 50;
        if (maxPageSize < 1) maxPageSize = 100;
        if (dataDir == null) dataDir = Path.of("data/audit-service");
        if (checkpoint == null) checkpoint = new Checkpoint(null, "", "", "audit-checkpoint");
        if (retention == null) retention = new Retention(null, null, null, null, null);
    }

    /**
     * @param interval how often the chain's head is signed (also once at shutdown)
     * @param keystore optional PKCS#12 holding the Ed25519 signing key (the local stack generates one at first
     *     {@code up}); when blank, the key is the file {@code <dataDir>/checkpoint-signing.key}, created at first
     *     start
     * @param keystorePassword the keystore's password, required with a keystore (none is committed)
     * @param keyAlias alias of the key entry in the keystore
     */
    public record Checkpoint(
            @DefaultValue("1m") Duration interval,
            @DefaultValue("") String keystore,
            @DefaultValue("") String keystorePassword,
            @DefaultValue("audit-checkpoint") String keyAlias) {

        public Checkpoint {
            if (interval == null || interval.isNegative() || interval.isZero()) interval = Duration.ofMinutes(1);
            if (keystore == null) keystore = "";
            if (keystorePassword == null) keystorePassword = "";
            if (keyAlias == null || keyAlias.isBlank()) keyAlias = "audit-checkpoint";
        }
    }

    /**
     * How long an entry keeps its personal fields (plate, user, vehicle, owner account, before/after), per kind;
     * then retention redacts it (the entry and its place in the chain stay). See docs/audit.md for the legal basis.
     *
     * @param publicLookups checks by anonymous callers and owners
     * @param professionalChecks checks by agents and admins
     * @param personDataViews VEHICLE_VIEWED, DOCUMENT_VIEWED, REPORT_OPENED and REPORT_DOWNLOADED
     * @param changes every other action (changes, decisions, admin actions, shares)
     * @param interval how often the job runs
     */
    public record Retention(
            @DefaultValue("90d") Duration publicLookups,
            @DefaultValue("1825d") Duration professionalChecks,
            @DefaultValue("1825d") Duration personDataViews,
            @DefaultValue("3650d") Duration changes,
            @DefaultValue("1h") Duration interval) {

        public Retention {
            if (publicLookups == null) publicLookups = Duration.ofDays(90);
            if (professionalChecks == null) professionalChecks = Duration.ofDays(1825);
            if (personDataViews == null) personDataViews = Duration.ofDays(1825);
            if (changes == null) changes = Duration.ofDays(3650);
            if (interval == null || interval.isNegative() || interval.isZero()) interval = Duration.ofHours(1);
        }
    }
}
