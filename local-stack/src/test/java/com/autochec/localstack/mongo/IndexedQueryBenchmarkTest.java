package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs {@link IndexedQueryBenchmark} short (longer with -Dbenchmark.documents / -Dbenchmark.seconds). */
class IndexedQueryBenchmarkTest {

    @Test
    void anIndexedFindExaminesOnlyItsMatchesAndInsertsAreAcknowledgedAfterTheJournal() throws Exception {
        int documents = Integer.getInteger("benchmark.documents", 4_000);
        double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "0.5"));
        IndexedQueryBenchmark.Figures figures = IndexedQueryBenchmark.run(documents, seconds);
        System.out.print(IndexedQueryBenchmark.report(documents, figures));
        assertThat(figures.docsExaminedIndexed()).isEqualTo(1);
        assertThat(figures.docsExaminedScan()).isEqualTo(documents);
        assertThat(figures.indexedQueriesPerSecondEightClients()).isPositive();
        for (IndexedQueryBenchmark.Inserts inserts : figures.inserts()) {
            assertThat(inserts.perSecond()).isPositive();
        }
    }
}
