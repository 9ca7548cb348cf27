package com.autochec.report.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.report.config.ReportProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

    private final ReportProperties.Signing signing =
            new ReportProperties.Signing("", "secret", "autochec-report", "CN=Autochec test, O=Autochec, C=FR");

    @Test
    void aKeystoreFileIsCreatedAtFirstStartAndKeptAfterwards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/report.p12");

        SigningKeys first = SigningKeyStore.fromFile(file, signing, Clock.systemUTC());
        SigningKeys again = SigningKeyStore.fromFile(file, signing, Clock.systemUTC());

        assertThat(Files.exists(file)).isTrue();
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("CN=Autochec test");
    }

    @Test
    void aKeystoreFileWithoutItsPasswordStopsTheStartWithAClearMessage(@TempDir Path dir) {
        ReportProperties.Signing noPassword =
                new ReportProperties.Signing("", "", "autochec-report", "CN=Autochec test, O=Autochec, C=FR");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SigningKeyStore.fromFile(dir.resolve("report.p12"), noPassword, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REPORT_SIGNING_KEYSTORE_PASSWORD");
        assertThat(Files.exists(dir.resolve("report.p12"))).isFalse();
    }

    @Test
    void pkcs12RoundTripKeepsKeyAndCertificate() {
        SigningKeys keys = SigningKeys.generate("CN=x", Clock.systemUTC());

        SigningKeys read = SigningKeys.fromPkcs12(keys.toPkcs12("pw", "a"), "pw", "a");

        assertThat(read.certificate()).isEqualTo(keys.certificate());
        assertThat(read.privateKey().getEncoded()).isEqualTo(keys.privateKey().getEncoded());
    }
}
