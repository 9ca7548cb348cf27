package com.autochec.auth.account;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface VehicleClaimRepository extends MongoRepository<VehicleClaim, String> {

    List<VehicleClaim> findByAccountId(String accountId, Sort sort);

    List<VehicleClaim> findByStatus(ClaimStatus status, Sort sort);

    boolean existsByAccountIdAndVinAndStatus(String accountId, String vin, ClaimStatus status);
}
