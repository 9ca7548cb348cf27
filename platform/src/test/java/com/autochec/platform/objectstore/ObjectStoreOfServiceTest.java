package com.autochec.platform.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreOfServiceTest {

    @TempDir
    Path objects;

    @Test
    void anotherServicesFolderIsTheSiblingNamedAfterIt() throws Exception {
        ObjectStore verification = new FileSystemObjectStore(objects.resolve("verification-service"));
        ObjectStore report = new FileSystemObjectStore(objects.resolve("report-service"));
        verification.put("plate-photos/2025-05-12/c-1", "jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg");

        assertThat(report.get("plate-photos/2025-05-12/c-1")).isEmpty();
        try (var photo = report.ofService("verification-service").get("plate-photos/2025-05-12/c-1").orElseThrow()) {
            assertThat(photo.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("jpeg");
            assertThat(photo.contentType()).isEqualTo("image/jpeg");
        }
        assertThat(Files.list(objects).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("verification-service", "report-service");
    }

    @Test
    void aServiceNameCannotLeaveTheObjectsRoot() {
        ObjectStore report = new FileSystemObjectStore(objects.resolve("report-service"));
        assertThatThrownBy(() -> report.ofService("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report.ofService("/etc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(report.ofService("report-service")).isSameAs(report);
    }

    @Test
    void anotherServicesBucketFollowsTheDefaultNaming() {
        software.amazon.awssdk.services.s3.S3Client s3 = org.mockito.Mockito.mock(software.amazon.awssdk.services.s3.S3Client.class);
        S3ObjectStore report = new S3ObjectStore(s3, "autochec-report-service");
        assertThat(report.ofService("verification-service")).extracting("bucket").isEqualTo("autochec-verification-service");
        assertThat(report.ofService("report-service")).isSameAs(report);
        S3ObjectStore shared = new S3ObjectStore(s3, "company-objects");
        assertThat(shared.ofService("verification-service")).as("one bucket named otherwise is shared").isSameAs(shared);
    }
}
