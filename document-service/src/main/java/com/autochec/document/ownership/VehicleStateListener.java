package com.autochec.document.ownership;

import com.autochec.contracts.Topics;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the ownership projection from the compacted vehicle state topic. */
@Component
class VehicleStateListener {

    private final VehicleOwners owners;
    private final ApplicationEventPublisher events;

    VehicleStateListener(VehicleOwners owners, ApplicationEventPublisher events) {
        this.owners = owners;
        this.events = events;
    }

    @KafkaListener(
            topics = Topics.VEHICLE_STATE,
            properties = {
                "spring.json.value.default.type=com.autochec.contracts.vehicle.VehicleStateChanged",
                "spring.json.use.type.headers=false"
            })
    void on(VehicleStateChanged event) {
        if (owners.apply(event) && event.vehicle() != null && event.vehicle().vin() != null) {
            events.publishEvent(new OwnershipChanged(event.vehicle().vin()));
        }
    }
}
