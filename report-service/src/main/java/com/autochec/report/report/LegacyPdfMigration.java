package com.autochec.report.report;

import com.autochec.platform.objectstore.ObjectStore;
import java.time.Clock;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Once per database: reports issued before PDFs moved to the object store kept their bytes in the document
 * ({@code pdf}); copy each to the store, set {@code pdfKey}/{@code pdfSize}, drop {@code pdf}. A marker in
 * {@code report_migrations} makes later starts skip the (start-up only) scan.
 */
@Component
class LegacyPdfMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyPdfMigration.class);
    static final String MARKER = "pdf-to-object-store";

    private final MongoTemplate mongo;
    private final ObjectStore objects;
    private final Clock clock;

    LegacyPdfMigration(MongoTemplate mongo, ObjectStore objects, Clock clock) {
        this.mongo = mongo;
        this.objects = objects;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(MARKER)), "report_migrations")) {
            return;
        }
        int moved = 0;
        for (Document legacy : mongo.find(
                Query.query(Criteria.where("pdf").exists(true).and("pdfKey").exists(false)), Document.class, "reports")) {
            String id = legacy.getString("_id");
            byte[] pdf = legacy.get("pdf", Binary.class).getData();
            String key = Report.pdfKey(id);
            objects.put(key, pdf, "application/pdf");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("pdfKey", key).set("pdfSize", (long) pdf.length).unset("pdf"), "reports");
            moved++;
        }
        mongo.insert(new Document("_id", MARKER).append("at", clock.instant()), "report_migrations");
        if (moved > 0) {
            log.info("Moved {} report PDFs from MongoDB to the object store", moved);
        }
    }
}
