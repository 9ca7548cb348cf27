package com.autochec.document.alert;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the expiry scan now (admins; operations and tests): it creates only the alerts not created before. */
@RestController
class ExpiryScanController {

    private final ExpiryScanner scanner;

    ExpiryScanController(ExpiryScanner scanner) {
        this.scanner = scanner;
    }

    record ScanResult(int alertsCreated) {}

    @PostMapping("/api/notifications/expiry-scan")
    ScanResult scan(Caller caller) {
        if (!caller.isAdmin()) throw ApiProblem.forbidden("Only admins may run the expiry scan.");
        return new ScanResult(scanner.scan());
    }
}
