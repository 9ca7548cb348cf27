package com.autochec.verification.check;

import com.autochec.platform.security.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One page of the caller's own checks, newest first ({@code GET /api/checks/mine}): what a list shows of each —
 * plate, verdict, status, channel ({@code source}: TYPED or PHOTO), when it was received and, for a check sent
 * late from the offline queue, when it was made — and the link to its report when it has one (agents' and
 * admins' completed checks, an owner's completed check of their own vehicle). {@code hasMore}: an older page
 * exists.
 */
record MyChecks(List<Item> items, int page, int size, boolean hasMore) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 50;
    /** The deepest page served: 50 × 200 = 10,000 checks back (skip stays bounded). */
    static final int MAX_PAGE = 200;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id,
            String plate,
            String verdict,
            CheckStatus status,
            CheckSource source,
            Instant requestedAt,
            Instant capturedAt,
            Instant completedAt,
            String report) {}

    static MyChecks of(List<CheckDocument> found, int page, int size) {
        boolean hasMore = found.size() > size;
        return new MyChecks(found.stream().limit(size).map(MyChecks::item).toList(), page, size, hasMore);
    }

    private static Item item(CheckDocument c) {
        return new Item(
                c.id(), c.plate(), c.verdict(), c.status(), c.source(), c.requestedAt(), c.capturedAt(),
                c.completedAt(), hasReport(c) ? "/api/checks/" + c.id() + "/report" : null);
    }

    /**
     * report-service signs a report for completed checks of agents, admins and the vehicle's owner, except those
     * that found no vehicle (its {@code ReportIssuer.reportable}).
     */
    static boolean hasReport(CheckDocument c) {
        if (c.status() != CheckStatus.COMPLETED || c.requester() == null || CheckService.NOT_FOUND.equals(c.verdict())) {
            return false;
        }
        Role role = c.requester().role();
        return role == Role.AGENT || role == Role.ADMIN || CheckViews.level(c.requester(), c.vehicle()) == CheckViews.Level.FULL;
    }
}
