package com.autochec.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.audit.web.TestJwts;
import com.autochec.localstack.testing.AccessMatrix;
import com.autochec.localstack.testing.AccessMatrix.Caller;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/access-matrix.md}, section audit-service, is what the running service does: every {@code /api}
 * endpoint it maps is in the matrix (and every matrix row is still served), and each endpoint called by the five
 * callers answers the status the matrix writes. The owner view is scoped to the caller's subject, so "other owner"
 * gets their own (empty) view, never the owner's.
 */
@SpringBootTest(properties = AccessMatrixTest.OWN_CONTEXT)
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AccessMatrixTest {

    /**
     * A context (and embedded MongoDB and Kafka) of its own: the data this test creates for the demo owner must not
     * show up in the other integration tests, which would otherwise share the cached context.
     */
    static final String OWN_CONTEXT = "autochec.test.context=access-matrix";

    static final String SERVICE = "audit-service";
    static final String OTHER_OWNER = "00000000-0000-4000-8000-0000000000ff";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    AuditLog auditLog;

    static final Map<String, Supplier<MockHttpServletRequestBuilder>> REQUESTS = Map.of(
            "GET /api/audit", () -> get("/api/audit").param("plate", "AB-123-CD"),
            "GET /api/audit/export", () -> get("/api/audit/export").param("limit", "10"),
            "GET /api/audit/verify", () -> get("/api/audit/verify"),
            "GET /api/audit/my-vehicles", () -> get("/api/audit/my-vehicles"),
            "GET /api/statistics", () -> get("/api/statistics"));

    @Test
    void everyEndpointIsInTheMatrix() {
        assertThat(AccessMatrix.forService(SERVICE).coverageProblems(SERVICE, served(), REQUESTS.keySet()))
                .isEmpty();
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        assertThat(AccessMatrix.forService(SERVICE).mismatches((endpoint, caller) -> {
            var request = REQUESTS.get(endpoint).get();
            RequestPostProcessor token = token(caller);
            if (token != null) {
                request.with(token);
            }
            return mvc.perform(request).andReturn();
        })).isEmpty();
    }

    @Test
    void anotherOwnerNeverSeesWhoConsultedTheOwnersVehicle() throws Exception {
        String plate = "AM-" + (100 + new java.util.Random().nextInt(900)) + "-XZ";
        auditLog.append(new AuditEntry(UUID.randomUUID().toString(), 0, "evt-" + UUID.randomUUID(), Instant.now(),
                null, AuditEntry.CHECK_PERFORMED, null, plate, plate.replace("-", ""), null, List.of(),
                new AuditEntry.Actor("s-garage", "jean.garage", "agent", "Garage du Centre", "GARAGE"), "PRE_PURCHASE",
                null, "veh-" + plate, TestJwts.OWNER_ID, null, null));
        String mine = mvc.perform(get("/api/audit/my-vehicles").with(token(Caller.OWNER_OF_VEHICLE))).andReturn()
                .getResponse().getContentAsString();
        String theirs = mvc.perform(get("/api/audit/my-vehicles").with(token(Caller.OTHER_OWNER))).andReturn()
                .getResponse().getContentAsString();
        assertThat(mine).contains(plate).contains("Garage du Centre").doesNotContain("jean.garage");
        assertThat(theirs).doesNotContain(plate);
    }

    /** Every {@code /api/**} mapping as {@code METHOD /path} (+ {@code ?name=} for required parameters). */
    Set<String> served() {
        return AccessMatrix.served(mappings, p -> p.startsWith("/api/") || p.equals("/api"));
    }

    static RequestPostProcessor token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case AGENT -> TestJwts.agent();
            case OWNER_OF_VEHICLE -> TestJwts.owner();
            case OTHER_OWNER -> jwt().jwt(j -> j.subject(OTHER_OWNER)
                            .claim("preferred_username", "owner2")
                            .claim("roles", List.of("owner")))
                    .authorities(new SimpleGrantedAuthority("ROLE_owner"));
            case ADMIN -> TestJwts.admin();
        };
    }
}
