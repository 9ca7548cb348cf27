package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.platform.objectstore.ObjectStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A report written before PDFs moved to the object store is moved there, once, and downloads again. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, ReportIssuerFaults.class})
class LegacyPdfMigrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ObjectStore objects;

    @Autowired
    LegacyPdfMigration migration;

    @Test
    void aLegacyReportsBytesMoveToTheObjectStoreOnce() {
        byte[] pdf = "%PDF-1.7 legacy".getBytes();
        mongo.remove(Query.query(Criteria.where("_id").is(LegacyPdfMigration.MARKER)), "report_migrations");
        mongo.insert(new Document("_id", "legacy-1").append("checkId", "legacy-check-1").append("sha256", "x")
                .append("pdf", new Binary(pdf)), "reports");

        migration.run(null);

        Document moved = mongo.findById("legacy-1", Document.class, "reports");
        assertThat(moved).doesNotContainKey("pdf").containsEntry("pdfKey", "reports/legacy-1.pdf");
        assertThat(objects.get("reports/legacy-1.pdf").orElseThrow().readAllBytes()).isEqualTo(pdf);

        // a second start does not scan again: a report that (somehow) still has bytes is left alone
        mongo.insert(new Document("_id", "legacy-2").append("checkId", "legacy-check-2").append("pdf", new Binary(pdf)),
                "reports");
        migration.run(null);
        assertThat(mongo.findById("legacy-2", Document.class, "reports")).containsKey("pdf");
    }
}
