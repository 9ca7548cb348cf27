package com.autochec.document.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExpiryScannerTest {

    @Test
    void theThresholdReachedIsTheSmallestAtOrAboveTheDaysLeft() {
        assertThat(ExpiryScanner.threshold(31)).isEmpty();
        assertThat(ExpiryScanner.threshold(30)).contains(30);
        assertThat(ExpiryScanner.threshold(20)).contains(30);
        assertThat(ExpiryScanner.threshold(8)).contains(30);
        assertThat(ExpiryScanner.threshold(7)).contains(7);
        assertThat(ExpiryScanner.threshold(2)).contains(7);
        assertThat(ExpiryScanner.threshold(1)).contains(1);
        assertThat(ExpiryScanner.threshold(0)).contains(0);
        assertThat(ExpiryScanner.threshold(-1)).isEmpty();
    }

    @Test
    void theMessageIsFrenchFirstThenEnglish() {
        var alert = new ExpiryAlert("d_0", "d", 0, "acc", "VIN", "AB-123-CD", "INSPECTION", LocalDate.of(2026, 12, 1),
                Instant.EPOCH, false, "PERSON", null, false);
        var n = ExpiryScanner.notification(alert, LocalDate.of(2026, 12, 1));
        assertThat(n.titleFr()).isEqualTo("Votre contrôle technique expire aujourd'hui (AB-123-CD)");
        assertThat(n.titleEn()).isEqualTo("Your technical inspection (CT) expires today (AB-123-CD)");
        assertThat(n.bodyFr()).contains("01/12/2026");
        var in1 = ExpiryScanner.notification(alert, LocalDate.of(2026, 11, 30));
        assertThat(in1.titleFr()).contains("expire dans 1 jour ");
    }
}
