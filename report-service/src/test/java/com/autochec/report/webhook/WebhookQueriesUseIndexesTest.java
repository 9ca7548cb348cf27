package com.autochec.report.webhook;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every query of {@link WebhookStore} is served by an index on the local stack's store ({@code explain}). Same
 * properties as WebhooksIntegrationTest, so both share one application context.
 */
@SpringBootTest(properties = {
    WebhooksIntegrationTest.OWN_CONTEXT,
    "autochec.report.webhooks.allow-insecure-localhost=true",
    "autochec.report.webhooks.backoff=1s",
    "autochec.report.webhooks.poll-interval=200ms"
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class WebhookQueriesUseIndexesTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void endpointQueries() {
        assertIndexed(mongo, WebhookEndpoint.COLLECTION, WebhookStore.activeQuery(null));
        assertIndexed(mongo, WebhookEndpoint.COLLECTION, WebhookStore.activeQuery("police"));
        assertIndexed(mongo, WebhookEndpoint.COLLECTION,
                WebhookStore.subscribersQuery(List.of("police", "autochec"), WebhookEventType.CHECK_FAILED));
    }

    @Test
    void deliveryQueries() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        // the sender's claims (due, then abandoned)
        assertIndexed(mongo, WebhookDelivery.COLLECTION, WebhookStore.dueQuery(now));
        assertIndexed(mongo, WebhookDelivery.COLLECTION, WebhookStore.staleQuery(now));
        // the delivery log, and the dedup of (endpointId, eventId)
        assertIndexed(mongo, WebhookDelivery.COLLECTION, WebhookStore.logQuery("w-1", 100));
        assertIndexed(mongo, WebhookDelivery.COLLECTION,
                Query.query(Criteria.where("endpointId").is("w-1").and("eventId").is("e-1")));
    }
}
