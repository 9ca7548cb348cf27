package com.autochec.audit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.problem.ProblemType;
import java.util.List;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void platesAreNormalisedToTheirCompactForm() {
        assertThat(AuditFilter.plateKey(" ab 123-cd ")).isEqualTo("AB123CD");
        assertThat(AuditFilter.plateKey("1234 AB 75")).isEqualTo("1234AB75");
        assertThat(AuditFilter.plateKey("{\"$ne\":null}")).isNull();
        assertThat(AuditFilter.plateKey("123 ab 971")).isEqualTo("123AB971");
        assertThat(AuditFilter.plateKey("m5 xsx")).isEqualTo("M5XSX");
        assertThat(AuditFilter.plateKey("0-AB-75")).isNull();
        assertThat(AuditFilter.plateKey("A")).isNull();
        assertThat(AuditFilter.plateKey(".*")).isNull();
    }

    @Test
    void datesAndInstantsAreAccepted() {
        var f = AuditFilter.parse(null, "2025-06-01", "2025-06-01", null, null, null, 100);
        assertThat(f.from()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2025-06-01T23:59:59.999Z"));
        assertThat(f.page()).isZero();
        assertThat(f.size()).isEqualTo(20);
        assertThat(AuditFilter.parse(null, "2025-06-01T10:00:00Z", null, "agent.1", "2", "50", 100).username())
                .isEqualTo("agent.1");
    }

    @Test
    void everyInvalidParameterIsReported() {
        assertThatThrownBy(() -> AuditFilter.parse("{$gt:''}", "yesterday", "2025-13-01", "a{b}", "-1", "1000", 100))
                .isInstanceOfSatisfying(ApiProblem.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat((List<?>) e.properties().get("errors"))
                            .extracting(error -> ((FieldError) error).field())
                            .containsExactly("plate", "from", "to", "username", "page", "size");
                });
        assertThatThrownBy(() -> AuditFilter.parse(null, "2025-06-02", "2025-06-01", null, null, null, 100))
                .isInstanceOf(ApiProblem.class);
    }
}
