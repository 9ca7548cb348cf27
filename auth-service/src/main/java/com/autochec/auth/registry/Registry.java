package com.autochec.auth.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the registry says, as far as claims need it, read locally (docs/adr/0002): the vehicle by plate and
 * whether a validated registration certificate with a given number belongs to a VIN. Both queries are
 * index-backed ({@code registry_plate}, {@code certificate_vin}).
 */
@Component
public class Registry implements InitializingBean {

    static final String VALIDATED = "VALIDATED";

    private final MongoTemplate mongo;

    Registry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(RegistryVehicle.class)
                .createIndex(new Index().on("plate", Sort.Direction.ASC).named("registry_plate"));
        mongo.indexOps(RegistryCertificate.class)
                .createIndex(new Index().on("vin", Sort.Direction.ASC).named("certificate_vin"));
    }

    public Optional<RegistryVehicle> vehicleByPlate(String plate) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("plate").is(plate)), RegistryVehicle.class));
    }

    /** True when a VALIDATED registration certificate of this VIN has this number (compared folded). */
    public boolean certificateMatches(String vin, String number) {
        String folded = foldCertificateNumber(number);
        if (vin == null || folded.isEmpty()) {
            return false;
        }
        return mongo.find(Query.query(where("vin").is(vin)), RegistryCertificate.class).stream()
                .anyMatch(c -> VALIDATED.equals(c.status()) && folded.equals(c.number()));
    }

    /** A certificate number as compared: letters and digits only, upper case ("2021 ab-12345" = "2021AB12345"). */
    public static String foldCertificateNumber(String number) {
        return number == null ? "" : number.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
