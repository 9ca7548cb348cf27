package com.autochec.vehicle.audit;

/** The part of any document carrying an {@link AuditOutbox} that the audit relay reads. */
record AuditCarrier(String id, long version, AuditOutbox audit) {}
