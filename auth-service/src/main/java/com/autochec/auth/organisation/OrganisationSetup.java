package com.autochec.auth.organisation;

import com.autochec.auth.config.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * At startup: the unique index on the organisation name, then the demo organisation the demo agent
 * belongs to (its name is the agent's {@code organisation} claim in the realm file).
 */
@Component
class OrganisationSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSetup.class);

    private final MongoTemplate mongo;
    private final Organisations organisations;
    private final String demoOrganisation;

    OrganisationSetup(MongoTemplate mongo, Organisations organisations, AuthProperties properties) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.demoOrganisation = properties.demoOrganisation();
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(Organisation.class)
                .createIndex(new Index("nameKey", Sort.Direction.ASC).unique().named("organisation_name_unique"));
        // the lists: active ones for everyone, all of them (active or not) for admins, by name
        mongo.indexOps(Organisation.class).createIndex(
                new Index().on("active", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC).named("organisation_active_name"));
        if (demoOrganisation != null && !demoOrganisation.isBlank()
                && organisations.ensureExists(demoOrganisation, OrganisationKind.POLICE)) {
            log.info("Created the demo organisation \"{}\"", demoOrganisation);
        }
    }
}
