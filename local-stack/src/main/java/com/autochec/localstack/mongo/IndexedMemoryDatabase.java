package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/**
 * The memory database, with {@link IndexedMemoryCollection}s and real {@link SecondaryIndex}es where
 * mongo-java-server 1.47 creates an ignored {@code EmptyIndex} for every non-unique {@code createIndex}.
 */
final class IndexedMemoryDatabase extends MemoryDatabase {

    /** Read by {@link #openOrCreateCollection}, which the super constructor already calls (system collections). */
    private IndexedMemoryCollection.Changes changes;

    IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry, IndexedMemoryCollection.Changes changes) {
        super(databaseName, cursorRegistry);
        this.changes = changes;
    }

    @Override
    protected IndexedMemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry, changes);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new SecondaryIndex(indexName, keys, sparse);
    }
}
