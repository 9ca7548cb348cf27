package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A non-unique (secondary) index of the memory backend, which mongo-java-server 1.47 itself only accepts and
 * ignores ({@code EmptyIndex}). It maps the key values of every document — one entry per field of the key
 * spec, missing fields and empty arrays as {@code null}, array fields expanded into their elements
 * (multikey) — to the positions of the documents in the collection, in a map sorted by mongo-java-server's
 * {@link ValueComparator}, so that equality, {@code $in}, a prefix of a compound key and a range on the next
 * field are a few map lookups instead of a collection scan.
 *
 * <p>The index answers with a <em>superset</em> of the matching positions: the collection always filters the
 * documents it fetches with the whole query, so index lookups never need to reproduce MongoDB's matching
 * rules exactly (type bracketing, {@code null} versus missing, arrays), only never to miss a match. Every
 * document is indexed (a declared {@code sparse} or partial index is stored in full), for the same reason.
 *
 * <p>It is maintained through mongo-java-server's {@link Index} callbacks ({@code add}, {@code updateInPlace})
 * except removal: {@code Index.remove(Document)} has no position, so {@link IndexedMemoryCollection} calls
 * {@link #removeAt} with the position it frees. Constructed as "sparse" towards the library (its
 * {@code remove} answers {@code null}, which the library accepts from sparse indexes only); the declared
 * option is kept apart for {@link #toIndexDescription()}. All methods are synchronized: index builds run
 * outside the collection's monitor.
 */
final class SecondaryIndex extends Index<Integer> {

    /** Orders index keys (lists of normalized values) field by field, the way MongoDB sorts values. */
    static final Comparator<List<Object>> KEY_ORDER = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int result = ValueComparator.ascWithoutListHandling().compare(left.get(i), right.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    private final boolean declaredSparse;
    private final NavigableMap<List<Object>, Set<Integer>> entries = new TreeMap<>(KEY_ORDER);
    private long entryCount;

    SecondaryIndex(String name, List<IndexKey> keys, boolean declaredSparse) {
        super(name, keys, true);
        this.declaredSparse = declaredSparse;
    }

    List<String> fields() {
        return keys();
    }

    // ---- maintenance ----

    @Override
    public Integer getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // never refuses a document
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        for (List<Object> key : keysOf(document)) {
            if (entries.computeIfAbsent(key, k -> new HashSet<>(2)).add(position)) {
                entryCount++;
            }
        }
    }

    /** Not used for removal (no position here): see {@link #removeAt}. */
    @Override
    public Integer remove(Document document) {
        return null;
    }

    /** Removes the entries of the document stored at {@code position}, which is being freed. */
    synchronized void removeAt(Document document, Integer position) {
        for (List<Object> key : keysOf(document)) {
            Set<Integer> positions = entries.get(key);
            if (positions != null && positions.remove(position)) {
                entryCount--;
                if (positions.isEmpty()) {
                    entries.remove(key);
                }
            }
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // never refuses a document
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
            MongoCollection<Integer> collection) {
        Set<List<Object>> before = keysOf(oldDocument);
        Set<List<Object>> after = keysOf(newDocument);
        if (before.equals(after)) {
            return;
        }
        removeAt(oldDocument, position);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        entryCount = 0;
    }

    // ---- lookups ----

    /** The library's own planner must not use it: {@link IndexedMemoryCollection} plans its queries. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedMemoryCollection");
    }

    /**
     * The positions whose key starts with one of the combinations of {@code prefixValues} (one set of
     * normalized values per leading field) followed, when {@code range} is given, by a value of the next field
     * inside the range (bounds inclusive: a superset). Also counts the index keys examined into
     * {@code keysExamined[0]}.
     */
    synchronized Collection<Integer> positions(List<List<Object>> prefixValues, Range range, long[] keysExamined) {
        Set<Integer> result = new LinkedHashSet<>();
        int fields = keys().size();
        for (List<Object> prefix : combinations(prefixValues)) {
            Map<List<Object>, Set<Integer>> slice;
            if (range == null && prefix.size() == fields) {
                Set<Integer> positions = entries.get(prefix);
                slice = positions == null ? Map.of() : Map.of(prefix, positions);
            } else {
                List<Object> from = new ArrayList<>(prefix);
                List<Object> to = new ArrayList<>(prefix);
                if (range != null) {
                    from.add(range.lower());
                    to.add(range.upper());
                }
                while (from.size() < fields) {
                    from.add(MinKey.getInstance());
                    to.add(MaxKey.getInstance());
                }
                if (KEY_ORDER.compare(from, to) > 0) {
                    continue;
                }
                slice = entries.subMap(from, true, to, true);
            }
            for (Set<Integer> positions : slice.values()) {
                keysExamined[0] += positions.size();
                result.addAll(positions);
            }
        }
        return result;
    }

    private static List<List<Object>> combinations(List<List<Object>> valuesPerField) {
        List<List<Object>> result = new ArrayList<>();
        result.add(List.of());
        for (List<Object> values : valuesPerField) {
            List<List<Object>> next = new ArrayList<>(result.size() * values.size());
            for (List<Object> prefix : result) {
                for (Object value : values) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            result = next;
        }
        return result;
    }

    /** Inclusive bounds on one field, normalized; {@link MinKey}/{@link MaxKey} when open. */
    record Range(Object lower, Object upper) {
    }

    // ---- keys ----

    /** Every key of a document: the cross product of each field's values (multikey), normalized. */
    Set<List<Object>> keysOf(Document document) {
        List<List<Object>> valuesPerField = new ArrayList<>(keys().size());
        for (String field : keys()) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, field);
            Set<Object> values = new LinkedHashSet<>();
            collectValues(value, values);
            if (values.isEmpty()) {
                values.add(null);
            }
            valuesPerField.add(new ArrayList<>(values));
        }
        return new LinkedHashSet<>(combinations(valuesPerField));
    }

    /** Arrays (also nested, also from paths through arrays of documents) are flattened into their elements. */
    private static void collectValues(Object value, Set<Object> values) {
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                collectValues(element, values);
            }
        } else {
            values.add(normalize(value));
        }
    }

    /** The library's own normalization of indexed values: null for missing, numbers as doubles, recursively. */
    static Object normalize(Object value) {
        if (value == null || value instanceof Missing) {
            return null;
        }
        if (value instanceof Long number && (long) number.doubleValue() != number) {
            return value; // not representable as a double
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == 0.0 ? 0.0 : d; // -0.0 is 0.0
        }
        if (value instanceof Map<?, ?> map) {
            Document result = new Document();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put((String) entry.getKey(), normalize(entry.getValue()));
            }
            return result;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> result = new ArrayList<>(collection.size());
            for (Object element : collection) {
                result.add(normalize(element));
            }
            return result;
        }
        return value;
    }

    // ---- description ----

    @Override
    public synchronized long getCount() {
        return entryCount;
    }

    @Override
    public synchronized boolean isEmpty() {
        return entryCount == 0;
    }

    @Override
    public synchronized long getDataSize() {
        return entryCount;
    }

    /**
     * Same options as any other secondary index: the storage ignores {@code sparse}, and snapshots written
     * before this class existed described every ignored index as sparse.
     */
    @Override
    public boolean hasSameOptions(Index<?> other) {
        return other instanceof SecondaryIndex;
    }

    @Override
    public Document toIndexDescription() {
        Document description = super.toIndexDescription();
        description.remove("sparse");
        if (declaredSparse) {
            description.put("sparse", true);
        }
        return description;
    }
}
