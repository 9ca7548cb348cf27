package com.autochec.vehicle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.contracts.privacy.Purpose;
import com.autochec.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class PurposeStatementTest {

    @Test
    void aPurposeIsOneOfTheCodesAndOtherNeedsAText() {
        assertThat(PurposeStatement.require(" roadside_control ", "ignored"))
                .isEqualTo(new PurposeStatement(Purpose.ROADSIDE_CONTROL, null));
        assertThat(PurposeStatement.require("OTHER", " expertise "))
                .isEqualTo(new PurposeStatement(Purpose.OTHER, "expertise"));
        for (String bad : new String[] {null, "", "CURIOSITY", "{\"$ne\":1}"}) {
            assertThatThrownBy(() -> PurposeStatement.require(bad, null))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).isNotBlank());
        }
        assertThatThrownBy(() -> PurposeStatement.require("OTHER", " ")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PurposeStatement.require("OTHER", "x".repeat(Purpose.MAX_TEXT + 1)))
                .isInstanceOf(ApiProblem.class);
    }
}
