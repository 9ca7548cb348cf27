package com.autochec.platform.web.reactive;

import com.autochec.platform.problem.ProblemType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The reactive edge (the gateway): problem bodies for its own errors, for invalid tokens and for the
 * firewall's rejections (encoded {@code ..%2F}, {@code ;}, bad characters); JWTs validated when sent
 * (issuer and audience), anonymous requests passed on — every service decides what an anonymous caller
 * may see.
 */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(SecurityWebFilterChain.class)
public class ReactiveWebAutoConfiguration {

    @Bean
    @Order(-2)
    @ConditionalOnMissingBean(ProblemErrorWebExceptionHandler.class)
    ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler() {
        return new ProblemErrorWebExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return (exchange, rejected) -> ReactiveProblemWriter.write(
                exchange, ProblemType.MALFORMED_REQUEST, "The request URL is not allowed.");
    }

    @Bean
    @ConditionalOnMissingBean
    ServerAuthenticationEntryPoint problemServerEntryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return ReactiveProblemWriter.write(
                    exchange,
                    ProblemType.UNAUTHORIZED,
                    "The bearer token is invalid or expired. Log in again, or call without a token.");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ServerAccessDeniedHandler problemServerAccessDeniedHandler() {
        return (exchange, ex) -> ReactiveProblemWriter.write(exchange, ProblemType.FORBIDDEN, "Access denied.");
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain platformSecurityWebFilterChain(
            ServerHttpSecurity http,
            ServerAuthenticationEntryPoint problemServerEntryPoint,
            ServerAccessDeniedHandler problemServerAccessDeniedHandler) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(oauth2 -> oauth2.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problemServerEntryPoint)
                        .accessDeniedHandler(problemServerAccessDeniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemServerEntryPoint)
                        .accessDeniedHandler(problemServerAccessDeniedHandler))
                .build();
    }
}
