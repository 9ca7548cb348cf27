package com.autochec.verification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** verification-service: a plate (typed or read from a photo) to a verdict with every reason. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VerificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(VerificationApplication.class, args);
    }
}
