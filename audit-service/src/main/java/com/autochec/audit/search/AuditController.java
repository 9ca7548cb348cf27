package com.autochec.audit.search;

import com.autochec.audit.config.AuditProperties;
import com.autochec.audit.log.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin audit API: search and chain verification. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditSearch search;
    private final AuditLog auditLog;
    private final AuditProperties properties;

    AuditController(AuditSearch search, AuditLog auditLog, AuditProperties properties) {
        this.search = search;
        this.auditLog = auditLog;
        this.properties = properties;
    }

    @GetMapping
    AuditPage search(
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return search.search(AuditFilter.parse(plate, from, to, username, page, size, properties.maxPageSize()));
    }

    @GetMapping("/verify")
    VerifyResponse verify() {
        var result = auditLog.verify();
        return result.valid()
                ? new VerifyResponse(true, result.entries(), null)
                : new VerifyResponse(false, null, result.brokenAt());
    }
}
