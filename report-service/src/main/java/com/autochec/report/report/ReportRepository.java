package com.autochec.report.report;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportRepository extends MongoRepository<Report, String> {

    Optional<Report> findByCheckId(String checkId);

    boolean existsByCheckId(String checkId);

    Optional<Report> findFirstBySha256(String sha256);

    Optional<Report> findFirstBySha256En(String sha256En);
}
