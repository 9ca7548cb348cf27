package com.autochec.report.report;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of {@code reports} while the context starts, before any Kafka listener runs: the unique
 * {@code checkId} makes a redelivered check harmless.
 */
@Component
class ReportIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    ReportIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Report.class)
                .createIndex(new Index().on("checkId", Sort.Direction.ASC).unique().named("checkId_unique"));
        mongo.indexOps(Report.class).createIndex(new Index().on("sha256", Sort.Direction.ASC).named("sha256"));
        mongo.indexOps(Report.class)
                .createIndex(new Index().on("sha256En", Sort.Direction.ASC).sparse().named("sha256En"));
    }
}
