package com.autochec.audit.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"valid":true,"entries":n}} or {@code {"valid":false,"brokenAt":sequence}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerifyResponse(boolean valid, Long entries, Long brokenAt) {}
