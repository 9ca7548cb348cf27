package com.autochec.document.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.contracts.document.DocumentType;
import com.autochec.platform.problem.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an admin must confirm to validate a document, per type. */
class ConfirmedFieldsTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 10);

    static DocumentReviews.Validation v(LocalDate from, LocalDate until, String result) {
        return new DocumentReviews.Validation(from, until, result, null, null, null);
    }

    @Test
    void insuranceNeedsBothDates() {
        assertThatThrownBy(() -> DocumentReviews.confirmed(DocumentType.INSURANCE, v(null, null, null)))
                .isInstanceOf(ApiProblem.class);
        var ok = DocumentReviews.confirmed(DocumentType.INSURANCE, v(FROM, FROM.plusYears(1).minusDays(1), null));
        assertThat(ok.validUntil()).isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(ok.result()).isNull();
        assertThatThrownBy(() -> DocumentReviews.confirmed(DocumentType.INSURANCE, v(FROM, FROM.minusDays(1), null)))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> DocumentReviews.confirmed(DocumentType.INSURANCE, v(FROM, FROM.plusYears(4), null)))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void anInspectionNeedsItsResultInEnglishCodesOrFrenchWords() {
        assertThat(DocumentReviews.confirmed(DocumentType.INSPECTION, v(FROM, FROM.plusYears(2), "Favorable")).result())
                .isEqualTo("FAVOURABLE");
        assertThat(DocumentReviews.confirmed(DocumentType.INSPECTION, v(FROM, FROM.plusMonths(2), "contre-visite")).result())
                .isEqualTo("COUNTER_VISIT");
        assertThat(DocumentReviews.confirmed(DocumentType.INSPECTION, v(FROM, FROM.plusDays(1), "DÉFAVORABLE")).result())
                .isEqualTo("UNFAVOURABLE");
        assertThatThrownBy(() -> DocumentReviews.confirmed(DocumentType.INSPECTION, v(FROM, FROM.plusYears(2), null)))
                .isInstanceOf(ApiProblem.class);
        // a counter-visit is due within two months
        assertThatThrownBy(() -> DocumentReviews.confirmed(DocumentType.INSPECTION, v(FROM, FROM.plusMonths(6), "COUNTER_VISIT")))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aRegistrationHasNoEnd() {
        assertThat(DocumentReviews.confirmed(DocumentType.REGISTRATION, v(FROM, null, null)).validUntil()).isNull();
        assertThatThrownBy(() -> DocumentReviews.confirmed(DocumentType.REGISTRATION, v(FROM, FROM.plusYears(1), null)))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void theReadingOnlyProposes() {
        var fields = List.of(new VehicleDocument.ExtractedField("INSPECTION_DATE", "2026-01-10", 0.9, true),
                new VehicleDocument.ExtractedField("RESULT", "COUNTER_VISIT", 0.8, true));
        Proposal p = Proposal.of(DocumentType.INSPECTION, fields);
        assertThat(p.validFrom()).isEqualTo(FROM);
        assertThat(p.validUntil()).isEqualTo(FROM.plusMonths(2));
        assertThat(p.result()).isEqualTo("COUNTER_VISIT");
    }
}
