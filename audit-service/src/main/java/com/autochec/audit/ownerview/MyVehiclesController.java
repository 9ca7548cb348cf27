package com.autochec.audit.ownerview;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
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
    MyVehiclesResponse myVehicles(Caller caller) {
        if (caller.subject() == null) throw ApiProblem.forbidden("The token has no subject.");
        return consultations.forOwner(caller.subject());
    }
}
