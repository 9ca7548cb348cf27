package com.autochec.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules for its endpoints, declared as a bean. The platform's security chain
 * applies them after its common rules (health, metrics, API docs and the error page are open) and
 * before "everything else needs a valid token". Who sees which field is still decided in the
 * service, from the {@link Caller}.
 */
@FunctionalInterface
public interface EndpointAuthorization {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
