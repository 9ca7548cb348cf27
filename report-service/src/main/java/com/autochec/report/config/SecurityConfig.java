package com.autochec.report.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWT resource server (Keycloak, flat {@code roles} claim → {@code ROLE_*}). The authenticity endpoints are
 * public; downloading a report needs a token and is then decided by the report's owner rules in the controller.
 * 401 and 403 answer with problem bodies like every other 4xx.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper jsonMapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/reports/*/verification")
                        .permitAll()
                        .requestMatchers("/api/reports/verify")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Writes 401/403 as {@code application/problem+json}. */
    static final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

        private final JsonMapper jsonMapper;

        ProblemResponses(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
                throws IOException {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required."));
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
                throws IOException {
            write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your role does not allow this operation."));
        }

        private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
                throws IOException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", String.valueOf(problem.getType()));
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            jsonMapper.writeValue(response.getOutputStream(), body);
        }
    }
}
