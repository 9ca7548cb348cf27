package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.ocr.config.OcrProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Puts an image whose reading failed for good on {@code <topic>.dlt}, after its failed reading was
 * published: the record with its failure reason in a header, without its value when it is over the
 * size limit (see {@link ImageRecords#forDeadLetter}). This is the worker's outcome for bad images,
 * not error handling: a listener failure is the platform's error handler's business. Sent with the
 * platform's bytes template, and waited for, so the offset is committed only once it is stored.
 */
@Component
class ImageDeadLetters {

    private final KafkaTemplate<String, byte[]> bytes;
    private final OcrProperties properties;

    ImageDeadLetters(@Qualifier("bytesKafkaTemplate") KafkaTemplate<String, byte[]> bytesKafkaTemplate,
            OcrProperties properties) {
        this.bytes = bytesKafkaTemplate;
        this.properties = properties;
    }

    void send(ConsumerRecord<String, byte[]> record, String reason, String detail) throws Exception {
        ConsumerRecord<String, byte[]> dead = ImageRecords.forDeadLetter(record, reason, properties.maxImageBytes());
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(
                record.topic() + Topics.DEAD_LETTER_SUFFIX, null, dead.key(), dead.value(), dead.headers());
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, detail.getBytes(StandardCharsets.UTF_8));
        bytes.send(out).get(30, TimeUnit.SECONDS);
    }
}
