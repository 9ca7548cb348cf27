package com.autochec.auth.directory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directory behind a circuit breaker: after repeated failures (Keycloak down, time-outs) calls fail at
 * once as {@link UserDirectory.Unavailable} for a while instead of each waiting for its time-out, then one
 * trial call decides. Idempotent calls (reads, enable/disable, password reset) are retried a few times
 * inside the breaker; creating an account is not (a time-out after Keycloak created it would retry into a
 * "username taken").
 */
public final class ResilientDirectory implements UserDirectory {

    private final UserDirectory delegate;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ResilientDirectory(UserDirectory delegate, CircuitBreaker breaker, Retry retry) {
        this.delegate = delegate;
        this.breaker = breaker;
        this.retry = retry;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    @Override
    public String createAgent(NewAgent agent) {
        return once(() -> delegate.createAgent(agent));
    }

    @Override
    public List<DirectoryUser> listByRole(String role, int first, int max) {
        return retried(() -> delegate.listByRole(role, first, max));
    }

    @Override
    public Optional<DirectoryUser> findByUsername(String username) {
        return retried(() -> delegate.findByUsername(username));
    }

    @Override
    public List<DirectoryUser> agentsOf(String organisation) {
        return retried(() -> delegate.agentsOf(organisation));
    }

    @Override
    public DirectoryUser setEnabled(String userId, boolean enabled) {
        return retried(() -> delegate.setEnabled(userId, enabled));
    }

    @Override
    public void resetPassword(String userId, String temporaryPassword) {
        retried(() -> {
            delegate.resetPassword(userId, temporaryPassword);
            return null;
        });
    }

    private <T> T retried(Supplier<T> call) {
        return once(Retry.decorateSupplier(retry, call));
    }

    private <T> T once(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new Unavailable("Keycloak failed repeatedly; calls are suspended for a moment (circuit open).", e);
        }
    }
}
