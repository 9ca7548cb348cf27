package com.autochec.contracts.document;

/** Kinds of vehicle documents. */
public enum DocumentType {
    REGISTRATION,
    INSURANCE,
    INSPECTION,
    ROAD_TAX
}
