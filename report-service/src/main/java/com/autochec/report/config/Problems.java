package com.autochec.report.config;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problem vocabulary shared by every Autochec service ({@code https://autochec.dev/problems/<slug>}). */
public final class Problems {

    public static final String BASE = "https://autochec.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
