package com.autochec.auth.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OrganisationRepository extends MongoRepository<Organisation, String> {

    Optional<Organisation> findByNameKey(String nameKey);

    List<Organisation> findByActiveTrue(Sort sort);

    List<Organisation> findByActiveIn(Collection<Boolean> active, Sort sort);
}
