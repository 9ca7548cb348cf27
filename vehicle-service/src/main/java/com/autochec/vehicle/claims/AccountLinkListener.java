package com.autochec.vehicle.claims;

import com.autochec.contracts.Topics;
import com.autochec.contracts.account.AccountVehicleLinked;
import com.autochec.platform.kafka.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes auth-service's approved claims ({@link Topics#ACCOUNT_VEHICLE_LINKS}) with the platform's error
 * policy: an undeserialisable or incomplete record is poison (straight to the dead-letter topic); a database
 * outage is retried with back-off.
 */
@Component
class AccountLinkListener {

    private final AccountLinks links;

    AccountLinkListener(AccountLinks links) {
        this.links = links;
    }

    @KafkaListener(
            id = "account-vehicle-links",
            idIsGroup = false,
            topics = Topics.ACCOUNT_VEHICLE_LINKS,
            properties = {
                "spring.json.value.default.type=com.autochec.contracts.account.AccountVehicleLinked",
                "spring.json.trusted.packages=com.autochec.contracts.account"
            })
    void onLink(ConsumerRecord<String, AccountVehicleLinked> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            throw new PoisonRecordException("Undeserializable account link at offset " + record.offset(), null);
        }
        AccountVehicleLinked link = record.value();
        if (link == null || blank(link.accountId()) || (blank(link.vehicleId()) && blank(link.vin()))) {
            throw new PoisonRecordException("Incomplete account link at offset " + record.offset(), null);
        }
        links.link(link);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
