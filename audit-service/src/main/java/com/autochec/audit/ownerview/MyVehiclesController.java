package com.autochec.audit.ownerview;

import com.autochec.audit.web.Caller;
import com.autochec.audit.web.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The owner's "who consulted my vehicle". */
@RestController
class MyVehiclesController {

    private final ConsultationsOfMyVehicles consultations;

    MyVehiclesController(ConsultationsOfMyVehicles consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/api/audit/my-vehicles")
    MyVehiclesResponse myVehicles(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (caller.subject() == null) throw ProblemException.forbidden("The token has no subject.");
        return consultations.forOwner(caller.subject());
    }
}
