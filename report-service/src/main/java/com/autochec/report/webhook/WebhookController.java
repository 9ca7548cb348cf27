package com.autochec.report.webhook;

import com.autochec.platform.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outgoing webhooks (admins): {@code POST /api/webhooks} registers an endpoint and answers its secret once,
 * {@code GET /api/webhooks?organisation=} lists the active ones, {@code DELETE /api/webhooks/{id}} disables one,
 * {@code POST /api/webhooks/{id}/rotate-secret} replaces its secret, {@code GET /api/webhooks/{id}/deliveries} is its
 * delivery log (newest first, at most 100).
 */
@RestController
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record Listed<T>(List<T> items) {}

    @PostMapping("/api/webhooks")
    ResponseEntity<Webhooks.EndpointView> register(@RequestBody(required = false) Webhooks.Registration request,
            Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.register(request, caller));
    }

    @GetMapping("/api/webhooks")
    Listed<Webhooks.EndpointView> list(@RequestParam(required = false) String organisation, Caller caller) {
        return new Listed<>(webhooks.list(organisation, caller));
    }

    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        webhooks.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/webhooks/{id}/rotate-secret")
    Webhooks.EndpointView rotateSecret(@PathVariable String id, Caller caller) {
        return webhooks.rotateSecret(id, caller);
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    Listed<Webhooks.DeliveryView> deliveries(@PathVariable String id, Caller caller) {
        return new Listed<>(webhooks.deliveries(id, caller));
    }
}
