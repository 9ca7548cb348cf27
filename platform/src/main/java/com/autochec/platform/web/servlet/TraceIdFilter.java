package com.autochec.platform.web.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's trace id in the log lines ({@code traceId} in the MDC): taken from the W3C
 * {@code traceparent} header the gateway forwards, or made here; echoed as {@code X-Trace-Id}.
 */
public class TraceIdFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "traceId";
    public static final String RESPONSE_HEADER = "X-Trace-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = traceIdOf(request.getHeader("traceparent"));
        MDC.put(MDC_KEY, traceId);
        response.setHeader(RESPONSE_HEADER, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The trace id of a {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or a new one. */
    public static String traceIdOf(String traceparent) {
        if (traceparent != null && traceparent.length() >= 55 && traceparent.charAt(2) == '-') {
            String id = traceparent.substring(3, 35);
            if (id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                    && !id.equals("00000000000000000000000000000000")) {
                return id;
            }
        }
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
