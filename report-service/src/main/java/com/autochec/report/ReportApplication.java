package com.autochec.report;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** report-service: signed PDF reports of completed agent/admin checks, download and authenticity verification. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportApplication.class, args);
    }
}
