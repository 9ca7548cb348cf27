package com.autochec.auth.account;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every query here is index-backed ({@link ClaimIndexes}; checked by HotQueriesUseIndexesTest). */
interface VehicleClaimRepository extends MongoRepository<VehicleClaim, String> {

    List<VehicleClaim> findByAccountId(String accountId, Sort sort);

    List<VehicleClaim> findByStatus(ClaimStatus status, Sort sort);

    boolean existsByAccountIdAndPlateAndStatus(String accountId, String plate, ClaimStatus status);
}
