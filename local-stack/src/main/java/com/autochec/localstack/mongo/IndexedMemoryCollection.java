package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * mongo-java-server's memory collection with two additions.
 *
 * <p><b>Query planning.</b> Every query (find, count, distinct, update, delete, findAndModify) is planned
 * here instead of by the library, which only uses an index when the query names exactly the fields of a
 * unique index. From the query's top-level fields — equality ({@code {f: v}}, {@code {f: {$eq: v}}}),
 * {@code $in} of plain values, and ranges ({@code $gt/$gte/$lt/$lte}) — the plan is, in that order:
 * {@code IDHACK} (the {@code _id_} index) or another unique index whose fields all have one equal value;
 * else the {@link SecondaryIndex} with the longest prefix of fields given by equality/{@code $in}, plus a range
 * on the next field ({@code IXSCAN}); else {@code COLLSCAN}. The index yields a superset of the matching
 * positions; the documents fetched are filtered with the whole query, sorted, skipped and limited as before.
 * Each plan is counted ({@link #queryStats()}) and {@link #explain} shows it, so a test can assert that a query
 * is index-served. Not planned: {@code $or}, regular expressions, {@code $ne}/{@code $nin}, equality with an
 * array or an embedded document, and sorting by the index (results are sorted after the fetch).
 *
 * <p><b>Changes.</b> Each physical change of a document — added (insert, upsert), changed in place (update,
 * findAndModify) or removed — is handed to {@link Changes} while the collection's monitor is held (every
 * mutation of the library's synchronized collection runs under it), so the order of the changes of one
 * collection is the order in which they happened. {@link SnapshottingMemoryBackend} journals them.
 */
class IndexedMemoryCollection extends MemoryCollection {

    /** Receives every physical change of a user collection, under the collection's monitor. */
    interface Changes {

        void put(IndexedMemoryCollection collection, Document document);

        void delete(IndexedMemoryCollection collection, Object id);
    }

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    private static final int MAX_COMBINATIONS = 10_000;

    private final Changes changes;
    private final boolean user;
    private final LongAdder collectionScans = new LongAdder();
    private final LongAdder indexScans = new LongAdder();
    private final LongAdder idLookups = new LongAdder();
    private final LongAdder docsExamined = new LongAdder();

    IndexedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry, Changes changes) {
        super(database, collectionName, options, cursorRegistry);
        this.changes = changes;
        this.user = !collectionName.startsWith("system.") && changes != null;
    }

    // ---- change capture and secondary index maintenance ----

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        if (user) {
            changes.put(this, document);
        }
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        if (user) {
            changes.put(this, newDocument);
        }
    }

    @Override
    protected void removeDocument(Integer position) {
        Document document = getDocument(position);
        if (document != null) {
            for (Index<Integer> index : getIndexes()) {
                if (index instanceof SecondaryIndex secondary) {
                    secondary.removeAt(document, position);
                }
            }
            if (user) {
                changes.delete(this, document.get(getIdField()));
            }
        }
        super.removeDocument(position);
    }

    String idField() {
        return getIdField();
    }

    // ---- planning ----

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Plan plan = plan(query);
        count(plan);
        if (plan.positions() == null) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(query, plan.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The library's count is not synchronized (its find is): planning reads the indexes. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }

    private void count(Plan plan) {
        switch (plan.stage()) {
            case "COLLSCAN" -> collectionScans.increment();
            case "IDHACK" -> idLookups.increment();
            default -> indexScans.increment();
        }
        docsExamined.add(plan.docsExamined());
    }

    /** The plan of a query and how much it examined, in the shape of MongoDB's {@code explain} reply. */
    synchronized Document explain(Document filter) {
        Document query = filter == null ? new Document() : filter;
        Plan plan = plan(query);
        long returned = 0;
        QueryResult result = plan.positions() == null ? matchDocuments(query, null, 0, 0, 0, null)
                : matchDocuments(query, plan.positions(), null, 0, 0, 0, null);
        for (Document ignored : result) {
            returned++;
        }
        Document winningPlan = new Document("stage", plan.stage());
        if (plan.index() != null) {
            winningPlan.put("indexName", plan.index().getName());
            Document keyPattern = new Document();
            for (IndexKey key : plan.index().getKeys()) {
                keyPattern.put(key.getKey(), key.isAscending() ? 1 : -1);
            }
            winningPlan.put("keyPattern", keyPattern);
        }
        Document reply = new Document();
        reply.put("queryPlanner", new Document("namespace", getFullName()).append("parsedQuery", query)
                .append("winningPlan", winningPlan).append("rejectedPlans", List.of()));
        reply.put("executionStats", new Document("executionSuccess", true).append("nReturned", returned)
                .append("totalKeysExamined", plan.keysExamined()).append("totalDocsExamined", plan.docsExamined()));
        reply.put("ok", 1.0);
        return reply;
    }

    /** Counters since start: collection scans, index scans, {@code _id} lookups, documents examined. */
    Document queryStats() {
        return new Document("collscans", collectionScans.sum()).append("ixscans", indexScans.sum())
                .append("idhacks", idLookups.sum()).append("docsExamined", docsExamined.sum());
    }

    record Plan(String stage, Index<Integer> index, Collection<Integer> positions, long keysExamined,
            long docsExamined) {
    }

    private Plan plan(Document query) {
        Map<String, List<Object>> equalities = new LinkedHashMap<>();
        Map<String, Object[]> rawEqualities = new LinkedHashMap<>();
        Map<String, SecondaryIndex.Range> ranges = new LinkedHashMap<>();
        predicates(query, equalities, rawEqualities, ranges);
        if (!equalities.isEmpty()) {
            Plan unique = uniquePlan(equalities, rawEqualities);
            if (unique != null) {
                return unique;
            }
        }
        SecondaryIndex best = null;
        int bestScore = 0;
        int bestPrefix = 0;
        for (Index<Integer> index : getIndexes()) {
            if (!(index instanceof SecondaryIndex secondary)) {
                continue;
            }
            List<String> fields = secondary.fields();
            int prefix = 0;
            long combinations = 1;
            while (prefix < fields.size() && equalities.containsKey(fields.get(prefix))
                    && combinations * Math.max(1, equalities.get(fields.get(prefix)).size()) <= MAX_COMBINATIONS) {
                combinations *= Math.max(1, equalities.get(fields.get(prefix)).size());
                prefix++;
            }
            boolean range = prefix < fields.size() && ranges.containsKey(fields.get(prefix));
            int score = 2 * prefix + (range ? 1 : 0);
            if (score > bestScore) {
                best = secondary;
                bestScore = score;
                bestPrefix = prefix;
            }
        }
        if (best == null) {
            return new Plan("COLLSCAN", null, null, 0, count());
        }
        List<List<Object>> prefixValues = new ArrayList<>();
        for (int i = 0; i < bestPrefix; i++) {
            prefixValues.add(equalities.get(best.fields().get(i)));
        }
        SecondaryIndex.Range range = bestScore % 2 == 1 ? ranges.get(best.fields().get(bestPrefix)) : null;
        long[] keys = new long[1];
        Collection<Integer> positions = best.positions(prefixValues, range, keys);
        return new Plan("IXSCAN", best, positions, keys[0], positions.size());
    }

    /** A unique index (the {@code _id} one first) whose every field has exactly one value, or $in on one field. */
    private Plan uniquePlan(Map<String, List<Object>> equalities, Map<String, Object[]> rawEqualities) {
        for (Index<Integer> index : getIndexes()) {
            if (!index.isUnique()) {
                continue;
            }
            List<IndexKey> keys = index.getKeys();
            Document lookup = new Document();
            for (IndexKey key : keys) {
                Object[] raw = rawEqualities.get(key.getKey());
                if (raw == null || (raw.length != 1 && keys.size() > 1)) {
                    lookup = null;
                    break;
                }
                lookup.put(key.getKey(), raw.length == 1 ? raw[0] : new Document("$in", List.of(raw)));
            }
            if (lookup == null) {
                continue;
            }
            if (lookup.values().stream().anyMatch(value -> value == null || value instanceof Document)
                    && Boolean.TRUE.equals(index.toIndexDescription().get("sparse"))) {
                continue; // a sparse index does not hold the documents without the field
            }
            List<Integer> positions = new ArrayList<>();
            for (Integer position : index.getPositions(lookup)) {
                positions.add(position);
            }
            String stage = "_id_".equals(index.getName()) ? "IDHACK" : "IXSCAN";
            return new Plan(stage, index, positions, positions.size(), positions.size());
        }
        return null;
    }

    /** The top-level predicates an index can serve; anything else is left to the filter. */
    private static void predicates(Document query, Map<String, List<Object>> equalities,
            Map<String, Object[]> rawEqualities, Map<String, SecondaryIndex.Range> ranges) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.startsWith("$")) {
                continue;
            }
            if (value instanceof Document operators) {
                Set<String> names = operators.keySet();
                if (names.equals(Set.of("$eq")) && plain(operators.get("$eq"))) {
                    equal(field, List.of(operators.get("$eq")), equalities, rawEqualities);
                } else if (names.equals(Set.of("$in")) && operators.get("$in") instanceof Collection<?> values
                        && values.stream().allMatch(IndexedMemoryCollection::plain)) {
                    equal(field, new ArrayList<>(values), equalities, rawEqualities);
                } else if (!names.isEmpty() && RANGE_OPERATORS.containsAll(names)
                        && operators.values().stream().allMatch(v -> plain(v) && v != null)) {
                    ranges.put(field, range(operators));
                }
            } else if (plain(value)) {
                equal(field, value == null ? nullList() : List.of(value), equalities, rawEqualities);
            }
        }
    }

    private static List<Object> nullList() {
        List<Object> values = new ArrayList<>(1);
        values.add(null);
        return values;
    }

    private static void equal(String field, List<?> values, Map<String, List<Object>> equalities,
            Map<String, Object[]> rawEqualities) {
        List<Object> normalized = new ArrayList<>(values.size());
        for (Object value : values) {
            Object key = SecondaryIndex.normalize(value);
            if (!normalized.contains(key)) {
                normalized.add(key);
            }
        }
        equalities.put(field, normalized);
        rawEqualities.put(field, values.toArray());
    }

    private static SecondaryIndex.Range range(Document operators) {
        Object lower = operators.containsKey("$gt") ? operators.get("$gt") : operators.get("$gte");
        Object upper = operators.containsKey("$lt") ? operators.get("$lt") : operators.get("$lte");
        Object sample = lower != null ? lower : upper;
        return new SecondaryIndex.Range(lower != null ? SecondaryIndex.normalize(lower) : lowest(sample),
                upper != null ? SecondaryIndex.normalize(upper) : highest(sample));
    }

    /** The lowest value of the type of {@code sample} (MongoDB compares within a type only), as a bound. */
    private static Object lowest(Object sample) {
        if (sample instanceof Number) {
            return Double.NEGATIVE_INFINITY;
        } else if (sample instanceof String) {
            return "";
        } else if (sample instanceof Instant) {
            return Instant.MIN;
        }
        return MinKey.getInstance();
    }

    private static Object highest(Object sample) {
        if (sample instanceof Number) {
            return Double.POSITIVE_INFINITY;
        } else if (sample instanceof String) {
            return new Document(); // documents sort right after strings
        } else if (sample instanceof Instant) {
            return Instant.MAX;
        }
        return MaxKey.getInstance();
    }

    /** A value an index lookup can use: no array, embedded document, regular expression or special key. */
    private static boolean plain(Object value) {
        return !(value instanceof Map || value instanceof Collection || value instanceof Pattern
                || value instanceof MinKey || value instanceof MaxKey
                || value != null && BsonRegularExpression.isRegularExpression(value));
    }
}
