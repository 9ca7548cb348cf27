package com.autochec.verification.readmodel;

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
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Batch consumers of the compacted vehicle and document state topics (the platform's batch container
 * factory). Valid states before a poison record are written first, then the poison record is reported
 * by index so that the platform's error handler sends only it to the dead-letter topic, at once, and
 * the batch goes on after it. A batch whose write fails (database down) is retried with back-off. Both
 * can be sent back to the start of their compacted topics ({@link ReadModelRebuild}).
 */
@Component
class StateListeners extends AbstractConsumerSeekAware {

    static final String BATCH_FACTORY = "batchListenerContainerFactory";

    private final ReadModelProjector projector;

    StateListeners(ReadModelProjector projector) {
        this.projector = projector;
    }

    @KafkaListener(
            id = "vehicle-state",
            idIsGroup = false,
            topics = Topics.VEHICLE_STATE,
            containerFactory = BATCH_FACTORY,
            properties = "spring.json.value.default.type=com.autochec.contracts.vehicle.VehicleStateChanged")
    void onVehicleStates(List<ConsumerRecord<String, VehicleStateChanged>> records) {
        consume(records, StateListeners::vehicleState, projector::applyVehicles);
    }

    @KafkaListener(
            id = "document-state",
            idIsGroup = false,
            topics = Topics.DOCUMENT_STATE,
            containerFactory = BATCH_FACTORY,
            properties = "spring.json.value.default.type=com.autochec.contracts.document.DocumentStateChanged")
    void onDocumentStates(List<ConsumerRecord<String, DocumentStateChanged>> records) {
        consume(records, StateListeners::documentState, projector::applyDocuments);
    }

    private static <T> void consume(
            List<ConsumerRecord<String, T>> records,
            Function<ConsumerRecord<String, T>, T> validate,
            Consumer<List<T>> apply) {
        List<T> valid = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, T> record = records.get(i);
            T state;
            try {
                state = validate.apply(record);
            } catch (IllegalArgumentException e) {
                apply.accept(valid);
                throw new BatchListenerFailedException(e.getMessage(), new PoisonRecordException(e.getMessage(), e), i);
            }
            valid.add(state);
        }
        apply.accept(valid);
    }

    static VehicleStateChanged vehicleState(ConsumerRecord<String, VehicleStateChanged> record) {
        rejectUndeserializable(record);
        VehicleStateChanged state = record.value();
        if (state == null) {
            requireKey(record);
            // a compaction tombstone: the vehicle is gone whatever its version
            return new VehicleStateChanged(null, null, record.key(), Long.MAX_VALUE, null);
        }
        if (state.vehicleId() == null || state.vehicleId().isBlank()) {
            throw new IllegalArgumentException("VehicleStateChanged without vehicleId at offset " + record.offset());
        }
        if (state.vehicle() != null && (state.vehicle().plate() == null || state.vehicle().vin() == null)) {
            throw new IllegalArgumentException("Vehicle " + state.vehicleId() + " without plate or VIN");
        }
        return state;
    }

    static DocumentStateChanged documentState(ConsumerRecord<String, DocumentStateChanged> record) {
        rejectUndeserializable(record);
        DocumentStateChanged state = record.value();
        if (state == null) {
            requireKey(record);
            return new DocumentStateChanged(
                    null, null, record.key(), Long.MAX_VALUE, null, null, null, null, null, null, null, null, null,
                    true);
        }
        if (state.documentId() == null || state.documentId().isBlank()) {
            throw new IllegalArgumentException("DocumentStateChanged without documentId at offset " + record.offset());
        }
        if (!state.deleted() && (state.type() == null || state.status() == null)) {
            throw new IllegalArgumentException("Document " + state.documentId() + " without type or status");
        }
        return state;
    }

    private static void rejectUndeserializable(ConsumerRecord<String, ?> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            throw new IllegalArgumentException("Undeserializable value at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
    }

    private static void requireKey(ConsumerRecord<String, ?> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("Tombstone without key at offset " + record.offset());
        }
    }
}
