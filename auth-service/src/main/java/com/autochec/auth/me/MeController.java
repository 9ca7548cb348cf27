package com.autochec.auth.me;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is, read from the validated JWT alone. */
@RestController
class MeController {

    @GetMapping("/api/me")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        return MeResponse.of(jwt);
    }

    /**
     * {@code role} is the caller's effective role (admin > agent > owner, else public); {@code roles}
     * the Autochec realm roles the token carries; {@code organisation} is null except for agents.
     */
    record MeResponse(String subject, String username, String role, String organisation, List<String> roles) {

        private static final List<String> BY_PRIORITY = List.of("admin", "agent", "owner");

        static MeResponse of(Jwt jwt) {
            List<String> claimed = jwt.getClaimAsStringList("roles");
            List<String> roles = BY_PRIORITY.stream()
                    .filter(r -> claimed != null && claimed.contains(r))
                    .toList();
            String role = roles.isEmpty() ? "public" : roles.get(0);
            return new MeResponse(
                    jwt.getSubject(),
                    jwt.getClaimAsString("preferred_username"),
                    role,
                    jwt.getClaimAsString("organisation"),
                    roles);
        }
    }
}
