package com.autochec.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.localstack.testing.AccessMatrix.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessMatrixTest {

    static final List<String> DOC = List.of(
            "# Access matrix",
            "## a-service",
            "",
            "| endpoint | anonymous | agent | owner of vehicle | other owner | admin |",
            "|---|---|---|---|---|---|",
            "| `GET /api/things/{id}` | 401 | 200 purpose required | 200 | 404 not theirs | 200 |",
            "| `POST /api/things` | 401 | 403 | 403 | 403 | 201 |",
            "",
            "## b-service",
            "| endpoint | anonymous | agent | owner of vehicle | other owner | admin |",
            "|---|---|---|---|---|---|",
            "| `GET /api/b` | 200 | 200 | 200 | 200 | 200 |");

    @Test
    void readsOneServicesSectionOnly() {
        AccessMatrix matrix = AccessMatrix.parse(DOC, "a-service");
        assertThat(matrix.rows()).containsOnlyKeys("GET /api/things/{id}", "POST /api/things");
        AccessMatrix.Row row = matrix.row("GET /api/things/{id}").orElseThrow();
        assertThat(row.status(Caller.ANONYMOUS)).isEqualTo(401);
        assertThat(row.status(Caller.OTHER_OWNER)).isEqualTo(404);
        assertThat(row.notes().get(Caller.AGENT)).isEqualTo("purpose required");
        assertThat(matrix.missing(List.of("GET /api/things/{id}", "DELETE /api/things/{id}")))
                .containsExactly("DELETE /api/things/{id}");
        assertThat(matrix.stale(List.of("GET /api/things/{id}"))).containsExactly("POST /api/things");
    }

    @Test
    void aCellWithoutStatusOrAMissingSectionIsAnError() {
        assertThatThrownBy(() -> AccessMatrix.parse(DOC, "c-service")).hasMessageContaining("c-service");
        List<String> bad = List.of("## x", "| e | a | b | c | d | e |", "|---|", "| `GET /x` | yes | 200 | 200 | 200 | 200 |");
        assertThatThrownBy(() -> AccessMatrix.parse(bad, "x")).hasMessageContaining("ANONYMOUS");
    }

    @Test
    void theRepositorysMatrixParsesForVehicleService() {
        AccessMatrix matrix = AccessMatrix.forService("vehicle-service");
        assertThat(matrix.rows()).containsKey("POST /api/proposals");
    }
}
