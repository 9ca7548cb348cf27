package com.autochec.report.report;

import com.autochec.localstack.testing.BeanFaults;

/**
 * Outages of {@link ReportIssuer}, planned mid-test while the check consumer runs (see {@link BeanFaults}).
 * Imported by every test of the whole service, so they share one application context.
 */
class ReportIssuerFaults extends BeanFaults {

    ReportIssuerFaults() {
        super(ReportIssuer.class);
    }
}
