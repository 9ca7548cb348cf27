package com.autochec.verification;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import org.springframework.boot.SpringApplication;

/** Runs verification-service locally against the in-process Kafka broker and MongoDB wire server. */
public class TestVerificationApplication {

    public static void main(String[] args) {
        SpringApplication.from(VerificationApplication::main)
                .with(EmbeddedInfrastructure.class)
                .run(args);
    }
}
