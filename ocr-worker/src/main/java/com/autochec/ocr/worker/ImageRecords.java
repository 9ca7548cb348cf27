package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Reading the metadata of an image record and deriving deterministic ids from it. */
final class ImageRecords {

    static final String HEADER_FAILURE_REASON = "autochec-failure-reason";
    static final String HEADER_ORIGINAL_SIZE = "autochec-original-size";

    private ImageRecords() {}

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        String v = new String(h.value(), StandardCharsets.UTF_8).strip();
        return v.isEmpty() ? null : v;
    }

    /** The request id: the {@link Topics#HEADER_REQUEST_ID} header, else the record key. */
    static String requestId(ConsumerRecord<String, byte[]> record) {
        String id = header(record, Topics.HEADER_REQUEST_ID);
        if (id == null && record.key() != null && !record.key().isBlank()) {
            id = record.key().strip();
        }
        return id;
    }

    /**
     * Event id derived from the request and the image content, so that a redelivered record yields a
     * reading with the same event id and downstream de-duplication recognises it.
     */
    static String eventId(String kind, String requestId, byte[] value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(value == null ? new byte[0] : value);
            String seed = kind + "|" + requestId + "|" + HexFormat.of().formatHex(digest);
            return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The record to dead-letter: the same record, or — when its value is over the size limit — a copy
     * without the value and with the original size in a header (re-publishing it would fail too).
     */
    static ConsumerRecord<String, byte[]> forDeadLetter(ConsumerRecord<String, byte[]> record, String reason, long maxBytes) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(HEADER_FAILURE_REASON, reason.getBytes(StandardCharsets.UTF_8));
        byte[] value = record.value();
        if (value != null && value.length > maxBytes) {
            headers.add(HEADER_ORIGINAL_SIZE, String.valueOf(value.length).getBytes(StandardCharsets.UTF_8));
            value = new byte[0];
        }
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), value == null ? -1 : value.length, record.key(), value,
                headers, record.leaderEpoch());
    }
}
