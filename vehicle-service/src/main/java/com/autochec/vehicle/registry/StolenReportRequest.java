package com.autochec.vehicle.registry;

import jakarta.validation.constraints.Size;

/** Optional body of a stolen report: the police or insurer reference. */
record StolenReportRequest(@Size(max = 100) String reference) {}
