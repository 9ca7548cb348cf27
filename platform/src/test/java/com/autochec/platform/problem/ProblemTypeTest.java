package com.autochec.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemTypeTest {

    @Test
    void everyStatusHasAStableTypeUnderTheAutochecBase() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 413, 415, 418, 422, 429, 500, 502, 503, 504}) {
            ProblemType type = ProblemType.forStatus(status);
            assertThat(type.type().toString()).startsWith("https://autochec.dev/problems/");
            assertThat(type.title()).isNotBlank();
        }
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(418).slug()).isEqualTo("client-error");
        assertThat(ProblemType.forStatus(503)).isEqualTo(ProblemType.UNAVAILABLE);
    }

    @Test
    void anApiProblemCarriesItsTypeDetailAndFields() {
        ProblemDetail problem = ApiProblem.validation(List.of(new FieldError("plate", "is not a plate"))).toProblemDetail();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType().toString()).isEqualTo("https://autochec.dev/problems/validation");
        assertThat(problem.getProperties()).containsKey("errors");
        Map<String, Object> body = Problems.asMap(problem, "/api/checks");
        assertThat(body).containsEntry("instance", "/api/checks").containsEntry("status", 400);
        assertThat(body.keySet()).startsWith("type", "title", "status", "detail", "instance");
    }

    @Test
    void springsDefaultTypeIsReplacedButASpecificOneIsKept() {
        ProblemDetail blank = ProblemDetail.forStatus(405);
        assertThat(Problems.normalise(blank).getType().toString()).isEqualTo("https://autochec.dev/problems/method-not-allowed");
        ProblemDetail specific = Problems.detail(new ProblemType("invalid-plate", org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid plate"), "x");
        assertThat(Problems.normalise(specific).getType().toString()).endsWith("/invalid-plate");
    }
}
