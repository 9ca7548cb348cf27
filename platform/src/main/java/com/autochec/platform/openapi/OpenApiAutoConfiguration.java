package com.autochec.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every service publishes its API at {@code /v3/api-docs}: the bearer (Keycloak JWT) security scheme,
 * the gateway as server, and the RFC 9457 problem responses every operation can give, with examples.
 * The gateway merges them into one document.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
public class OpenApiAutoConfiguration {

    public static final String BEARER = "bearer-jwt";
    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI autochecOpenApi(@Value("${spring.application.name:autochec}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title("Autochec — " + application)
                        .version("v1")
                        .description("Roles come from the Keycloak access token (realm autochec): public (no token), "
                                + "owner, agent, admin. Errors are RFC 9457 problems with a stable type."))
                .servers(List.of(new Server().url("/").description("Through the gateway")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("Keycloak access token of realm autochec (audience autochec-api). "
                                        + "Omit it to call as the public."))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem")
                .addProperty("type", new StringSchema().example("https://autochec.dev/problems/validation"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields."))
                .addProperty("instance", new StringSchema().example("/api/checks"))
                .addProperty("errors", new ArraySchema().items(field));
    }

    /** The problem answers every operation can give, added where the controller did not declare them. */
    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        Map<String, String[]> common = Map.of(
                "400", new String[] {"validation", "Invalid request", "The request has invalid fields."},
                "401", new String[] {"unauthorized", "Authentication required", "The bearer token is missing, invalid or expired."},
                "403", new String[] {"forbidden", "Forbidden", "Your role does not allow this request."},
                "429", new String[] {"rate-limited", "Too many requests", "Too many requests: retry later."});
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    common.forEach((status, example) -> addProblem(operation, status, example))));
        };
    }

    private static void addProblem(Operation operation, String status, String[] example) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        if (responses.containsKey(status)) {
            return;
        }
        Example body = new Example().value(Map.of(
                "type", "https://autochec.dev/problems/" + example[0],
                "title", example[1],
                "status", Integer.parseInt(status),
                "detail", example[2]));
        responses.addApiResponse(status, new ApiResponse()
                .description(example[1])
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                        .addExamples(example[0], body))));
    }
}
