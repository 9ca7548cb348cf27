package com.autochec.contracts.audit;

/** The stable action codes of {@link AuditEvent#action()}. Screens translate them. */
public final class AuditAction {

    /** A vehicle record was read with its holder's data (agent or admin; purpose stated). */
    public static final String VEHICLE_VIEWED = "VEHICLE_VIEWED";
    /** A document (image or fields) holding person data was read by someone other than its owner. */
    public static final String DOCUMENT_VIEWED = "DOCUMENT_VIEWED";
    /** A vehicle or owner record was created, changed or deleted (before/after hold the fields). */
    public static final String VEHICLE_CHANGED = "VEHICLE_CHANGED";
    public static final String OWNER_CHANGED = "OWNER_CHANGED";
    public static final String PROPOSAL_CREATED = "PROPOSAL_CREATED";
    public static final String PROPOSAL_DECIDED = "PROPOSAL_DECIDED";
    public static final String STOLEN_REPORTED = "STOLEN_REPORTED";
    public static final String STOLEN_CLEARED = "STOLEN_CLEARED";
    public static final String DOCUMENT_UPLOADED = "DOCUMENT_UPLOADED";
    public static final String DOCUMENT_DECIDED = "DOCUMENT_DECIDED";
    public static final String CLAIM_FILED = "CLAIM_FILED";
    public static final String CLAIM_DECIDED = "CLAIM_DECIDED";
    /** Account or organisation management by an admin (create, disable, enable, reset credentials...). */
    public static final String ADMIN_ACTION = "ADMIN_ACTION";
    public static final String REPORT_SHARED = "REPORT_SHARED";
    public static final String REPORT_SHARE_REVOKED = "REPORT_SHARE_REVOKED";
    public static final String REPORT_OPENED = "REPORT_OPENED";
    public static final String REPORT_DOWNLOADED = "REPORT_DOWNLOADED";

    private AuditAction() {}
}
