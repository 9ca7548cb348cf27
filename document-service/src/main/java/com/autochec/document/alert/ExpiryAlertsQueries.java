package com.autochec.document.alert;

import org.springframework.data.mongodb.core.query.Query;

/** The hot queries of {@code expiry_alerts}, for the index tests. */
public final class ExpiryAlertsQueries {

    private ExpiryAlertsQueries() {}

    /** The outbox's pending alerts. */
    public static Query unpublished(int limit) {
        return ExpiryAlerts.unpublishedQuery(limit);
    }
}
