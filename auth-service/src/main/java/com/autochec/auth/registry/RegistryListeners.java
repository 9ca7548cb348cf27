package com.autochec.auth.registry;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.platform.kafka.PoisonRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Batch consumers of the compacted vehicle and document state topics (the platform's batch container
 * factory and error policy): valid states before a poison record are applied, then the poison record is
 * reported by index and goes alone to the dead-letter topic.
 */
@Component
class RegistryListeners {

    private final RegistryProjector projector;

    RegistryListeners(RegistryProjector projector) {
        this.projector = projector;
    }

    @KafkaListener(
            id = "registry-vehicle-state",
            idIsGroup = false,
            topics = Topics.VEHICLE_STATE,
            containerFactory = "batchListenerContainerFactory",
            properties = "spring.json.value.default.type=com.autochec.contracts.vehicle.VehicleStateChanged")
    void onVehicleStates(List<ConsumerRecord<String, VehicleStateChanged>> records) {
        consume(records, RegistryListeners::vehicleState, projector::applyVehicles);
    }

    @KafkaListener(
            id = "registry-document-state",
            idIsGroup = false,
            topics = Topics.DOCUMENT_STATE,
            containerFactory = "batchListenerContainerFactory",
            properties = "spring.json.value.default.type=com.autochec.contracts.document.DocumentStateChanged")
    void onDocumentStates(List<ConsumerRecord<String, DocumentStateChanged>> records) {
        consume(records, RegistryListeners::documentState, projector::applyDocuments);
    }

    private static <T> void consume(
            List<ConsumerRecord<String, T>> records, Function<ConsumerRecord<String, T>, T> validate, Consumer<List<T>> apply) {
        List<T> valid = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                valid.add(validate.apply(records.get(i)));
            } catch (IllegalArgumentException e) {
                apply.accept(valid);
                throw new BatchListenerFailedException(e.getMessage(), new PoisonRecordException(e.getMessage(), e), i);
            }
        }
        apply.accept(valid);
    }

    static VehicleStateChanged vehicleState(ConsumerRecord<String, VehicleStateChanged> record) {
        rejectUndeserializable(record);
        VehicleStateChanged state = record.value();
        if (state == null) {
            requireKey(record);
            return new VehicleStateChanged(null, null, record.key(), Long.MAX_VALUE, null);
        }
        if (state.vehicleId() == null || state.vehicleId().isBlank()) {
            throw new IllegalArgumentException("VehicleStateChanged without vehicleId at offset " + record.offset());
        }
        return state;
    }

    static DocumentStateChanged documentState(ConsumerRecord<String, DocumentStateChanged> record) {
        rejectUndeserializable(record);
        DocumentStateChanged state = record.value();
        if (state == null) {
            requireKey(record);
            return new DocumentStateChanged(null, null, record.key(), Long.MAX_VALUE, null, null, null, null, null,
                    null, null, null, null, true);
        }
        if (state.documentId() == null || state.documentId().isBlank()) {
            throw new IllegalArgumentException("DocumentStateChanged without documentId at offset " + record.offset());
        }
        return state;
    }

    private static void rejectUndeserializable(ConsumerRecord<String, ?> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            throw new IllegalArgumentException(
                    "Undeserializable value at " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
    }

    private static void requireKey(ConsumerRecord<String, ?> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("Tombstone without key at offset " + record.offset());
        }
    }
}
