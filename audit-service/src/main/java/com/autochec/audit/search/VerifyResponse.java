package com.autochec.audit.search;

import com.autochec.audit.checkpoint.ChainVerifier;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code {"valid":true,"entries":n,...}} or {@code {"valid":false,"brokenAt":sequence,"reason":...}}; the
 * signed checkpoint verified against (null before the first one) and the entries it covers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerifyResponse(boolean valid, Long entries, Long brokenAt, Long brokenBefore, String reason, String detail,
        Long firstSequence, Long lastSequence, ChainVerifier.Anchor checkpoint, List<String> untrustedCheckpoints) {

    VerifyResponse(boolean valid, Long entries, Long brokenAt) {
        this(valid, entries, brokenAt, null, null, null, null, null, null, null);
    }

    static VerifyResponse of(ChainVerifier.Report report) {
        return new VerifyResponse(report.valid(), report.entries(), report.brokenAt(), report.brokenBefore(),
                report.reason(), detail(report), report.firstSequence(), report.lastSequence(), report.checkpoint(),
                report.untrustedCheckpoints() == null || report.untrustedCheckpoints().isEmpty()
                        ? null : report.untrustedCheckpoints());
    }

    private static String detail(ChainVerifier.Report report) {
        if (report.reason() == null) {
            return report.checkpoint() == null
                    ? "La chaîne est intègre ; aucun point de contrôle signé n'existe encore."
                    : "La chaîne est intègre et correspond au dernier point de contrôle signé (séquence "
                            + report.checkpoint().sequence() + ").";
        }
        return switch (report.reason()) {
            case ChainVerifier.BROKEN_CHAIN -> "La chaîne est rompue à l'entrée " + report.brokenAt() + ".";
            case ChainVerifier.MISSING_ENTRIES -> "Des entrées manquent à partir de la séquence " + report.brokenAt()
                    + " (le point de contrôle signé couvre jusqu'à " + report.brokenBefore() + ").";
            default -> "La chaîne a été réécrite : elle ne correspond plus au point de contrôle signé ; première "
                    + "entrée modifiée entre " + report.brokenAt() + " et " + report.brokenBefore() + ".";
        };
    }
}
