package com.autochec.document;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Vehicle documents: import, upload to OCR, review workflow, document state on Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DocumentApplication {

    public static void main(String[] args) {
        SpringApplication.run(DocumentApplication.class, args);
    }
}
