package com.autochec.vehicle.proposal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** MongoDB access to {@code proposals}: the admin queue by status (oldest first) and each proposer's own. */
@Component
class ProposalStore implements InitializingBean {

    private final MongoTemplate mongo;

    ProposalStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ProposalDocument.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .named("status_created"));
        indexes.createIndex(new Index().on("proposedBy", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .named("proposer_created"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    static Query byStatus(String status) {
        return Query.query(where("status").is(status)).with(Sort.by("createdAt"));
    }

    static Query byProposer(String subject) {
        return Query.query(where("proposedBy").is(subject)).with(Sort.by(Sort.Direction.DESC, "createdAt"));
    }

    void insert(ProposalDocument proposal) {
        mongo.insert(proposal);
    }

    Optional<ProposalDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProposalDocument.class));
    }

    /** Replaces the proposal only while it is still at {@code expectedVersion}. */
    boolean replace(ProposalDocument next, long expectedVersion) {
        Query current = Query.query(where("_id").is(next.id()).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, next, FindAndReplaceOptions.options().returnNew()) != null;
    }

    List<ProposalDocument> page(String status, int page, int size) {
        return mongo.find(byStatus(status).skip((long) page * size).limit(size), ProposalDocument.class);
    }

    long count(String status) {
        return mongo.count(Query.query(where("status").is(status)), ProposalDocument.class);
    }

    List<ProposalDocument> mine(String subject, int limit) {
        return mongo.find(byProposer(subject).limit(limit), ProposalDocument.class);
    }
}
