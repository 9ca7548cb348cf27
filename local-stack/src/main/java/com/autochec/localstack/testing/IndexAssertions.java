package com.autochec.localstack.testing;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Asserts that a hot query is served by an index, on the embedded store and on real MongoDB alike: runs
 * {@code explain} for the query and looks for an {@code IXSCAN} or {@code IDHACK} stage anywhere in the
 * winning plan (real MongoDB nests {@code IXSCAN} under {@code FETCH}).
 */
public final class IndexAssertions {

    private IndexAssertions() {}

    /** Fails with the plan when the query would scan the collection. */
    public static void assertIndexed(MongoTemplate mongo, String collection, Query query) {
        assertIndexed(mongo, collection, query, null);
    }

    /**
     * Fails unless the query is served by the named index (or by {@code _id} when {@code expectedIndex} is
     * {@code _id_}): a query that some other index merely happens to serve is not good enough.
     */
    public static void assertIndexed(MongoTemplate mongo, String collection, Query query, String expectedIndex) {
        Document command = new Document("explain",
                        new Document("find", collection).append("filter", query.getQueryObject()))
                .append("verbosity", "queryPlanner");
        if (!query.getSortObject().isEmpty()) {
            ((Document) command.get("explain")).append("sort", query.getSortObject());
        }
        Document result = mongo.getDb().runCommand(command);
        Object plan = ((Document) result.get("queryPlanner", Document.class)).get("winningPlan");
        List<String> stages = new ArrayList<>();
        collectStages(plan, stages);
        if (expectedIndex != null) {
            List<String> names = new ArrayList<>();
            collectIndexNames(plan, names);
            boolean byId = expectedIndex.equals("_id_") && stages.stream().anyMatch(s -> s.contains("IDHACK"));
            if (!byId && !names.contains(expectedIndex)) {
                throw new AssertionError("Query on " + collection + " " + describe(query)
                        + " is not served by index " + expectedIndex + " but by " + names + " " + stages + ": "
                        + result.toJson());
            }
        }
        if (stages.stream().noneMatch(stage -> stage.equals("IXSCAN") || stage.equals("IDHACK") || stage.equals("EXPRESS_IXSCAN")
                || stage.equals("EXPRESS_IDHACK"))) {
            throw new AssertionError("Query on " + collection + " " + describe(query)
                    + " is not served by an index; plan stages " + stages + ": " + result.toJson());
        }
    }

    /** The filter as text; values the default codecs cannot render (e.g. an {@code Instant}) as {@code toString}. */
    private static String describe(Query query) {
        try {
            return query.getQueryObject().toJson();
        } catch (RuntimeException codecMissing) {
            return query.getQueryObject().toString();
        }
    }

    private static void collectIndexNames(Object node, List<String> names) {
        if (node instanceof Document document) {
            if (document.get("indexName") instanceof String name) {
                names.add(name);
            }
            document.values().forEach(value -> collectIndexNames(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectIndexNames(value, names));
        }
    }

    private static void collectStages(Object node, List<String> stages) {
        if (node instanceof Document document) {
            Object stage = document.get("stage");
            if (stage instanceof String s) {
                stages.add(s);
            }
            document.values().forEach(value -> collectStages(value, stages));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectStages(value, stages));
        }
    }
}
