package com.autochec.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/** Builds problem bodies, as {@link ProblemDetail} for Spring and as a plain map for raw writers. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail detail(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    /** True when Spring left its default {@code about:blank} type, i.e. nothing more specific was said. */
    public static boolean hasDefaultType(ProblemDetail problem) {
        return problem.getType() == null || URI.create("about:blank").equals(problem.getType());
    }

    /** Gives a problem Spring built (404, 405, 406, type mismatch…) the platform's type and title. */
    public static ProblemDetail normalise(ProblemDetail problem) {
        if (hasDefaultType(problem)) {
            ProblemType type = ProblemType.forStatus(problem.getStatus());
            problem.setType(type.type());
            problem.setTitle(type.title());
        }
        return problem;
    }

    /** The body as an ordered map: type, title, status, detail, instance, then the extra members. */
    public static Map<String, Object> asMap(ProblemDetail problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        } else if (instance != null) {
            body.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    public static Map<String, Object> asMap(ProblemType type, String detail, String instance) {
        return asMap(detail(type, detail), instance);
    }
}
