package com.autochec.ocr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stateless worker that reads licence plates and vehicle documents from images published on Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OcrWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(OcrWorkerApplication.class, args);
    }
}
