package com.autochec.platform.security;

import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.web.servlet.ServletProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The servlet services' resource server: Keycloak JWTs validated for issuer and audience (Boot's
 * decoder with {@code spring.security.oauth2.resourceserver.jwt.audiences}, set by the platform's
 * defaults), realm roles from the flat {@code roles} claim as {@code ROLE_x} authorities, stateless,
 * 401/403 and firewall rejections as problem bodies, the service's {@link EndpointAuthorization}
 * applied, and {@link Caller} resolvable as a controller parameter.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableMethodSecurity
public class ServletSecurityAutoConfiguration {

    /** Open on every service: probes, metrics (the gateway does not route them) and the API description. */
    public static final String[] OPEN_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/error"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(
            HttpSecurity http,
            ObjectProvider<EndpointAuthorization> authorizations,
            AuthenticationEntryPoint problemEntryPoint,
            AccessDeniedHandler problemAccessDeniedHandler)
            throws Exception {
        List<EndpointAuthorization> rules = authorizations.orderedStream().toList();
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN_PATHS).permitAll();
                    rules.forEach(rule -> rule.authorize(auth));
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemAccessDeniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemAccessDeniedHandler));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    AuthenticationEntryPoint problemEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception); // status and WWW-Authenticate header
            ServletProblemWriter.write(
                    request, response, ProblemType.UNAUTHORIZED, "The bearer token is missing, invalid or expired.");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    AccessDeniedHandler problemAccessDeniedHandler() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            ServletProblemWriter.write(
                    request, response, ProblemType.FORBIDDEN, "Your role does not allow this request.");
        };
    }

    /** Requests Spring Security's firewall rejects (encoded {@code ..%2F}, {@code ;}, bad characters). */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ServletProblemWriter.write(
                request, response, ProblemType.MALFORMED_REQUEST, "The request URL is not allowed.");
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerResolver());
            }
        };
    }

    /** Resolves a {@link Caller} controller parameter from the request's security context. */
    static final class CallerResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            return Caller.current();
        }
    }
}
