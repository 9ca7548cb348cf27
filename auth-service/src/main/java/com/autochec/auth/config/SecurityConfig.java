package com.autochec.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * JWT resource server. Every {@code /api/**} call needs a valid token (401 problem otherwise); which
 * role may do what is checked here by path before the body is read, and again on each controller
 * method with {@code @PreAuthorize} (403 problem).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint entryPoint = unauthorized(problems);
        AccessDeniedHandler denied = forbidden(problems);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // Role checks before the body is even read (also declared on the controllers).
                        .requestMatchers("/api/agents/**")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.POST, "/api/organisations")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.PATCH, "/api/organisations/**")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.POST, "/api/accounts/claims")
                        .hasRole("owner")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
        return http.build();
    }

    private static AuthenticationEntryPoint unauthorized(ProblemWriter problems) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception); // status and WWW-Authenticate header
            problems.write(
                    request,
                    response,
                    ApiProblem.problem(
                            HttpStatus.UNAUTHORIZED,
                            "unauthorized",
                            "Unauthorized",
                            "The bearer token is missing, invalid or expired."));
        };
    }

    private static AccessDeniedHandler forbidden(ProblemWriter problems) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            problems.write(
                    request,
                    response,
                    ApiProblem.problem(
                            HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this request."));
        };
    }
}
