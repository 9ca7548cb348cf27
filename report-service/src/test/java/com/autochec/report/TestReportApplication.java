package com.autochec.report;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import org.springframework.boot.SpringApplication;

/** Runs report-service locally against the in-process Kafka broker and MongoDB wire server. */
public class TestReportApplication {

    public static void main(String[] args) {
        SpringApplication.from(ReportApplication::main).with(EmbeddedInfrastructure.class).run(args);
    }
}
