package com.autochec.gateway.apidocs;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into one: every path, every tag, the security schemes, and
 * the component schemas — a schema name two services use for different shapes is renamed
 * {@code <service>.<Name>} in the second service's document, references included.
 */
final class ApiDocsMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final JsonMapper json;

    ApiDocsMerger(JsonMapper json) {
        this.json = json;
    }

    /** @param documents service name → its OpenAPI document, in a stable order */
    ObjectNode merge(Map<String, JsonNode> documents, String title) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "v1");
        info.put("description", "Every Autochec service's API, through the gateway. Roles come from the Keycloak "
                + "access token: public (no token), owner, agent, admin. Errors are RFC 9457 problems.");
        merged.putArray("servers").addObject().put("url", "/").put("description", "This gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        ArrayNode tags = merged.putArray("tags");
        Map<String, Boolean> tagNames = new LinkedHashMap<>();
        ArrayNode security = null;

        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonNode document = renameCollidingSchemas(service, entry.getValue().deepCopy(), schemas);
            JsonNode docSchemas = document.path("components").path("schemas");
            if (docSchemas instanceof ObjectNode object) {
                object.properties().forEach(e -> schemas.set(e.getKey(), e.getValue()));
            }
            JsonNode docSecurity = document.path("components").path("securitySchemes");
            if (docSecurity instanceof ObjectNode object) {
                object.properties().forEach(e -> securitySchemes.set(e.getKey(), e.getValue()));
            }
            if (document.path("paths") instanceof ObjectNode docPaths) {
                docPaths.properties().forEach(e -> {
                    tagOperations(e.getValue(), service);
                    paths.set(e.getKey(), e.getValue());
                });
            }
            if (tagNames.putIfAbsent(service, true) == null) {
                tags.addObject().put("name", service).put("description", "Served by " + service);
            }
            if (security == null && document.path("security") instanceof ArrayNode docSecurityRequirement) {
                security = docSecurityRequirement;
            }
        }
        if (security != null) {
            merged.set("security", security);
        }
        return merged;
    }

    /** Groups each operation under its service's tag (keeping the controller's own tags after it). */
    private static void tagOperations(JsonNode pathItem, String service) {
        if (!(pathItem instanceof ObjectNode operations)) {
            return;
        }
        operations.properties().forEach(e -> {
            if (e.getValue() instanceof ObjectNode operation && operation.has("responses")) {
                ArrayNode tags = operation.putArray("tags");
                tags.add(service);
            }
        });
    }

    private JsonNode renameCollidingSchemas(String service, JsonNode document, ObjectNode merged) {
        JsonNode docSchemas = document.path("components").path("schemas");
        if (!(docSchemas instanceof ObjectNode schemas)) {
            return document;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        schemas.properties().forEach(e -> {
            JsonNode existing = merged.get(e.getKey());
            if (existing != null && !existing.equals(e.getValue())) {
                renames.put(e.getKey(), service + "." + e.getKey());
            }
        });
        if (renames.isEmpty()) {
            return document;
        }
        String text = json.writeValueAsString(document);
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            text = text.replace("\"" + SCHEMA_REF + rename.getKey() + "\"", "\"" + SCHEMA_REF + rename.getValue() + "\"");
        }
        ObjectNode renamed = (ObjectNode) json.readTree(text);
        ObjectNode renamedSchemas = (ObjectNode) renamed.path("components").path("schemas");
        renames.forEach((from, to) -> renamedSchemas.set(to, renamedSchemas.remove(from)));
        return renamed;
    }
}
