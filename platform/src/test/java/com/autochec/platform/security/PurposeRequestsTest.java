package com.autochec.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.contracts.privacy.Purpose;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class PurposeRequestsTest {

    @Test
    void aPurposeIsOneOfTheCodesAndOtherNeedsAText() {
        assertThat(PurposeRequests.parse(" roadside_control ", null, true))
                .isEqualTo(new StatedPurpose(Purpose.ROADSIDE_CONTROL, null));
        assertThat(PurposeRequests.parse("ROADSIDE_CONTROL", " patrouille A36 ", true))
                .isEqualTo(new StatedPurpose(Purpose.ROADSIDE_CONTROL, "patrouille A36"));
        assertThat(PurposeRequests.parse("OTHER", " expertise ", true))
                .isEqualTo(new StatedPurpose(Purpose.OTHER, "expertise"));
        assertThat(PurposeRequests.parse("OTHER", "x".repeat(Purpose.MAX_TEXT), true).text()).hasSize(Purpose.MAX_TEXT);
    }

    @Test
    void noPurposeIsNoneUnlessOneIsRequired() {
        assertThat(PurposeRequests.parse(null, "ignored", false)).isSameAs(StatedPurpose.NONE);
        assertThat(PurposeRequests.parse(" ", null, false).stated()).isFalse();
        assertThat(PurposeRequests.parse(" ", null, false).codeName()).isNull();
        assertThatThrownBy(() -> PurposeRequests.parse(null, null, true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("purpose"));
    }

    @Test
    void whatIsWrongIsA400NamingTheFieldInFrenchThenEnglish() {
        for (String bad : new String[] {"CURIOSITY", "{\"$ne\":1}", "ROADSIDE CONTROL"}) {
            assertThatThrownBy(() -> PurposeRequests.parse(bad, null, false))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.status().value()).isEqualTo(400);
                        assertThat(p.getMessage()).contains("valeur inconnue").contains("unknown purpose");
                    });
        }
        assertThatThrownBy(() -> PurposeRequests.parse("OTHER", " ", true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage())
                        .contains("purposeText").contains("obligatoire").contains("required"));
        assertThatThrownBy(() -> PurposeRequests.parse("OTHER", "x".repeat(Purpose.MAX_TEXT + 1), true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage())
                        .contains("purposeText").contains("au plus " + Purpose.MAX_TEXT));
    }
}
