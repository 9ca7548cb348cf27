package com.autochec.document.ownership;

import com.autochec.contracts.Topics;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the ownership projection from the compacted vehicle state topic. */
@Component
class VehicleStateListener {

    private final VehicleOwners owners;

    VehicleStateListener(VehicleOwners owners) {
        this.owners = owners;
    }

    @KafkaListener(
            topics = Topics.VEHICLE_STATE,
            properties = {
                "spring.json.value.default.type=com.autochec.contracts.vehicle.VehicleStateChanged",
                "spring.json.use.type.headers=false"
            })
    void on(VehicleStateChanged event) {
        owners.apply(event);
    }
}
