package com.autochec.contracts;

/**
 * Kafka topic names and record-header names. Every topic is owned by exactly one producing service.
 *
 * <p>Events are JSON records keyed by their aggregate id; images are raw bytes with metadata in
 * headers. A dead-letter topic is the source topic name followed by {@link #DEAD_LETTER_SUFFIX}.
 */
public final class Topics {

    /** Compacted. Key: vehicleId. Value: {@link com.autochec.contracts.vehicle.VehicleStateChanged}. Producer: vehicle-service. */
    public static final String VEHICLE_STATE = "autochec.vehicle.state";

    /** Compacted. Key: documentId. Value: {@link com.autochec.contracts.document.DocumentStateChanged}. Producer: document-service. */
    public static final String DOCUMENT_STATE = "autochec.document.state";

    /** Key: checkId. Value: raw image bytes; headers {@link #HEADER_REQUEST_ID}, {@link #HEADER_CONTENT_TYPE}. Producer: verification-service. */
    public static final String PLATE_IMAGE = "autochec.plate.image";

    /** Key: checkId. Value: {@link com.autochec.contracts.ocr.PlateRead}. Producer: ocr-worker. */
    public static final String PLATE_READ = "autochec.plate.read";

    /** Key: documentId. Value: raw image bytes; headers {@link #HEADER_REQUEST_ID}, {@link #HEADER_CONTENT_TYPE}, {@link #HEADER_DOCUMENT_TYPE}. Producer: document-service. */
    public static final String DOCUMENT_IMAGE = "autochec.document.image";

    /** Key: documentId. Value: {@link com.autochec.contracts.ocr.DocumentRead}. Producer: ocr-worker. */
    public static final String DOCUMENT_READ = "autochec.document.read";

    /**
     * Key: documentId. Value: {@link com.autochec.contracts.document.ExpiryAlertRaised}. Producer: document-service
     * (outbox of its expiry alerts); consumer: report-service (webhooks).
     */
    public static final String EXPIRY_ALERTS = "autochec.document.expiry-alerts";

    /**
     * Key: checkId. Value: raw image bytes of a VIN plate or windscreen photo; headers {@link #HEADER_REQUEST_ID},
     * {@link #HEADER_CONTENT_TYPE}. Producer: verification-service.
     */
    public static final String VIN_IMAGE = "autochec.vin.image";

    /** Key: checkId. Value: {@link com.autochec.contracts.ocr.VinRead}. Producer: ocr-worker. */
    public static final String VIN_READ = "autochec.vin.read";

    /**
     * Key: plate. Value: {@link com.autochec.contracts.fraud.FraudSignalRaised}, one per fraud signal of a completed
     * check. Producer: verification-service; for a fraud desk's own systems (no Autochec service consumes it: report-service's
     * FRAUD_SIGNAL webhooks come from {@link #CHECK_COMPLETED}).
     */
    public static final String FRAUD_SIGNALS = "autochec.fraud.signals";

    /** Key: checkId. Value: {@link com.autochec.contracts.check.CheckCompleted}. Producer: verification-service. */
    public static final String CHECK_COMPLETED = "autochec.check.completed";

    /** Key: vehicleId (or the resource id). Value: {@link com.autochec.contracts.audit.AuditEvent}. Producer: vehicle-service. */
    public static final String VEHICLE_AUDIT = "autochec.vehicle.audit";

    /** Key: documentId. Value: {@link com.autochec.contracts.audit.AuditEvent}. Producer: document-service. */
    public static final String DOCUMENT_AUDIT = "autochec.document.audit";

    /** Key: account or organisation id. Value: {@link com.autochec.contracts.audit.AuditEvent}. Producer: auth-service. */
    public static final String ACCOUNT_AUDIT = "autochec.account.audit";

    /** Key: reportId. Value: {@link com.autochec.contracts.audit.AuditEvent}. Producer: report-service. */
    public static final String REPORT_AUDIT = "autochec.report.audit";

    /** Every audit topic audit-service records (besides {@link #CHECK_COMPLETED}). */
    public static final java.util.List<String> AUDIT_TOPICS = java.util.List.of(VEHICLE_AUDIT, DOCUMENT_AUDIT, ACCOUNT_AUDIT, REPORT_AUDIT);

    /**
     * Compacted. Key: {@link com.autochec.contracts.audit.AuditCheckpoint#CHAIN_KEY}. Value:
     * {@link com.autochec.contracts.audit.AuditCheckpoint} (the signed head of the audit chain, kept outside MongoDB).
     * Producer: audit-service.
     */
    public static final String AUDIT_CHECKPOINT = "autochec.audit.checkpoint";

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Header carrying the id of the request an image belongs to (check id or document id), UTF-8. */
    public static final String HEADER_REQUEST_ID = "autochec-request-id";

    /** Header carrying the declared media type of an image, UTF-8 (e.g. image/jpeg). */
    public static final String HEADER_CONTENT_TYPE = "autochec-content-type";

    /** Header carrying the {@link com.autochec.contracts.document.DocumentType} name of a document image, UTF-8. */
    public static final String HEADER_DOCUMENT_TYPE = "autochec-document-type";

    /**
     * Key: vehicleId. Value: {@link com.autochec.contracts.account.AccountVehicleLinked}. Producer: auth-service;
     * consumer: vehicle-service (sets the holder's account id, which then travels on {@link #VEHICLE_STATE}).
     */
    public static final String ACCOUNT_VEHICLE_LINKS = "autochec.account.vehicle-links";

    private Topics() {}
}
