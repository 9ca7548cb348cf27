package com.autochec.verification.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.security.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A typed check's body: one message per bad field, French first (the English after it, in brackets). */
class TypedCheckRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(String body, Role role) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> TypedCheckRequest.parse(JSON.readTree(body), role));
        assertThat(problem).as("refused: %s", body).isNotNull();
        return (List<FieldError>) problem.properties().get("errors");
    }

    @Test
    void aPurposeOfTheWrongTypeIsOneErrorNotAlsoMissing() {
        List<FieldError> errors = errors("{\"plate\":\"AB-123-CD\",\"purpose\":42}", Role.AGENT);

        assertThat(errors).extracting(FieldError::field).containsExactly("purpose");
        assertThat(errors.get(0).message())
                .startsWith("doit être une chaîne de caractères")
                .contains("(must be a string)");
    }

    @Test
    void everyBadFieldIsNamedInFrenchFirst() {
        List<FieldError> errors = errors(
                "{\"plate\":7,\"observed\":[],\"location\":{\"lat\":91,\"lon\":0}}", Role.AGENT);

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("plate", "purpose", "observed", "location");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).matches("(?s)[^(]+ \\(.+\\)"));
        assertThat(errors("{\"purpose\":\"ROADSIDE_CONTROL\"}", Role.AGENT))
                .containsExactly(new FieldError("plate", "est obligatoire (is required)"));
    }
}
