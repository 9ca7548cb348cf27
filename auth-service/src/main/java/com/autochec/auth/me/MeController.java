package com.autochec.auth.me;

import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is, read from the validated JWT alone. */
@RestController
class MeController {

    @GetMapping("/api/me")
    MeResponse me(Caller caller, @AuthenticationPrincipal Jwt jwt) {
        return MeResponse.of(caller, jwt.getClaimAsStringList("roles"));
    }

    /**
     * {@code role} is the caller's effective role (admin > agent > owner, else public); {@code roles}
     * the Autochec realm roles the token carries; {@code organisation} is null except for agents.
     */
    record MeResponse(String subject, String username, String role, String organisation, List<String> roles) {

        static MeResponse of(Caller caller, List<String> claimed) {
            List<String> roles = Stream.of(Role.ADMIN, Role.AGENT, Role.OWNER)
                    .map(Role::claim)
                    .filter(r -> claimed != null && claimed.contains(r))
                    .toList();
            return new MeResponse(
                    caller.subject(), caller.username(), caller.role().claim(), caller.organisation(), roles);
        }
    }
}
