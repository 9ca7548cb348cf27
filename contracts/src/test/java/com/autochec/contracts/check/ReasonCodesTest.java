package com.autochec.contracts.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonCodesTest {

    /** Every code of docs/rules.md that is, or is not, a fraud signal. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "REPORTED_STOLEN, true",
        "STATUS_CERTIFICATE_STOLEN, true",
        "ATTRIBUTES_COLOUR_MISMATCH, true",
        "ATTRIBUTES_MAKE_MISMATCH, true",
        "VIN_MISMATCH, true",
        "REGISTRATION_MISMATCH, true",
        "DOCUMENT_PLATE_MISMATCH, true",
        "PLATE_SEEN_ON_OTHER_VEHICLE, true",
        "IMPOSSIBLE_TRAVEL, true",
        "STATUS_CERTIFICATE_LOST, false",
        "STATUS_GAGE, false",
        "STATUS_DESTROYED, false",
        "INSURANCE_EXPIRED, false",
        "INSPECTION_MISSING, false",
        "TAX_ANNUAL_UNPAID, false",
        "PLATE_NOT_ISSUABLE, false",
        "READING_UNCERTAIN, false",
        "VEHICLE_NOT_FOUND, false",
        "REGISTRATION_CONSISTENT, false",
    })
    void fraudSignals(String code, boolean signal) {
        assertEquals(signal, ReasonCodes.isFraudSignal(code), code);
    }

    @Test
    void nullIsNoSignal() {
        assertFalse(ReasonCodes.isFraudSignal(null));
    }
}
