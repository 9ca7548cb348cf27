package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.report.config.ReportProperties;
import com.autochec.report.signing.PdfSigner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.dao.DuplicateKeyException;

class ReportIssuerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-12T12:03:05Z"), ZoneOffset.UTC);
    private static final ReportProperties PROPERTIES = new ReportProperties("https://autochec.example/", ZoneId.of("Europe/Paris"),
            new ReportProperties.Signing("", "pw", "alias", "CN=test"), null);

    private final ReportRepository reports = mock(ReportRepository.class);
    private final ReportRenderer renderer = mock(ReportRenderer.class);
    private final PdfSigner signer = mock(PdfSigner.class);
    private final ObjectStore objects = objectStore();
    private final ReportIssuer issuer =
            new ReportIssuer(reports, objects, renderer, signer, PROPERTIES, CLOCK, new SimpleMeterRegistry(),
                    tools.jackson.databind.json.JsonMapper.builder().build(),
                    mock(org.springframework.data.mongodb.core.MongoTemplate.class), new EvidencePhotos(objects));

    private static ObjectStore objectStore() {
        ObjectStore objects = mock(ObjectStore.class);
        org.mockito.Mockito.when(objects.ofService(org.mockito.ArgumentMatchers.anyString())).thenReturn(objects);
        return objects;
    }

    @Test
    void onlyAgentAndAdminChecksThatFoundSomethingAreReported() {
        assertThat(ReportIssuer.reportable(Checks.agentCheck("c"))).isTrue();
        assertThat(ReportIssuer.reportable(Checks.check("c",
                new CheckCompleted.Requester(Checks.ADMIN_SUBJECT, "admin", "admin", null), "OK"))).isTrue();
        assertThat(ReportIssuer.reportable(Checks.check("c",
                new CheckCompleted.Requester(null, null, "public", null), "OK"))).isFalse();
        assertThat(ReportIssuer.reportable(Checks.check("c",
                new CheckCompleted.Requester("o", "owner", "owner", null), "OK"))).isFalse();
        assertThat(ReportIssuer.reportable(Checks.check("c", Checks.agentCheck("c").requester(), "NOT_FOUND")))
                .isFalse();
        assertThat(ReportIssuer.reportable(Checks.check("c",
                new CheckCompleted.Requester(null, "agent", "agent", "X"), "OK"))).isFalse();
        String ownerOfTheVehicle = Checks.agentCheck("c").vehicle().ownerAccountId();
        assertThat(ReportIssuer.reportable(Checks.check("c",
                new CheckCompleted.Requester(ownerOfTheVehicle, "owner", "owner", null), "OK")))
                .as("an owner's check of their own vehicle").isTrue();
    }

    @Test
    void issuesASignedReportWithTheVerificationUrlInTheQrCode() {
        given(reports.findByCheckId("c-1")).willReturn(Optional.empty());
        given(renderer.render(any(), any())).willReturn(new byte[] {1});
        given(signer.sign(any(), any())).willReturn("%PDF-signed".getBytes());
        given(reports.insert(any(Report.class))).willAnswer(call -> call.getArgument(0));

        Report report = issuer.issue(Checks.agentCheck("c-1")).orElseThrow();

        verify(renderer).render(any(), org.mockito.ArgumentMatchers.eq(
                "https://autochec.example/verify/" + report.id()));
        assertThat(report.checkId()).isEqualTo("c-1");
        assertThat(report.requesterSubject()).isEqualTo(Checks.AGENT_SUBJECT);
        assertThat(report.organisation()).isEqualTo("Police nationale (démo)");
        assertThat(report.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(report.sha256()).isEqualTo(ReportContent.sha256("%PDF-signed".getBytes()));
    }

    @Test
    void theFileGoesToTheObjectStoreBeforeTheDocumentWhichKeepsOnlyItsKeySizeAndHash() {
        byte[] signed = "%PDF-signed".getBytes();
        given(reports.findByCheckId("c-1")).willReturn(Optional.empty());
        given(renderer.render(any(), any())).willReturn(new byte[] {1});
        given(signer.sign(any(), any())).willReturn(signed);
        given(reports.insert(any(Report.class))).willAnswer(call -> call.getArgument(0));

        Report report = issuer.issue(Checks.agentCheck("c-1")).orElseThrow();

        InOrder order = inOrder(objects, reports);
        order.verify(objects).put("reports/" + report.id() + ".pdf", signed, "application/pdf");
        order.verify(reports).insert(any(Report.class));
        assertThat(report.pdfKey()).isEqualTo("reports/" + report.id() + ".pdf");
        assertThat(report.pdfSize()).isEqualTo(signed.length);
        assertThat(report.sha256()).isEqualTo(ReportContent.sha256(signed));
    }

    @Test
    void aFailedStoreWritesNoDocument() {
        given(reports.findByCheckId("c-1")).willReturn(Optional.empty());
        given(renderer.render(any(), any())).willReturn(new byte[] {1});
        given(signer.sign(any(), any())).willReturn(new byte[] {2});
        willThrow(new java.io.UncheckedIOException(new java.io.IOException("disk full")))
                .given(objects).put(any(), any(), any());

        assertThatThrownBy(() -> issuer.issue(Checks.agentCheck("c-1"))).isInstanceOf(java.io.UncheckedIOException.class);
        verify(reports, never()).insert(any(Report.class));
    }

    @Test
    void aRedeliveredCheckRendersNothing() {
        Report existing = new Report("r", "c-1", "AB-123-CD", "FAIL", "s", "agent", null, null, CLOCK.instant(), "h",
                "ch", "reports/r.pdf", 10);
        given(reports.findByCheckId("c-1")).willReturn(Optional.of(existing));

        assertThat(issuer.issue(Checks.agentCheck("c-1"))).contains(existing);
        verify(renderer, never()).render(any(), any());
        verify(reports, never()).insert(any(Report.class));
        verify(objects, never()).put(any(), any(), any());
    }

    @Test
    void losingTheRaceOnTheUniqueIndexReturnsTheWinner() {
        Report winner = new Report("r", "c-1", "AB-123-CD", "FAIL", "s", "agent", null, null, CLOCK.instant(), "h",
                "ch", "reports/r.pdf", 10);
        given(reports.findByCheckId("c-1")).willReturn(Optional.empty(), Optional.of(winner));
        given(renderer.render(any(), any())).willReturn(new byte[] {1});
        given(signer.sign(any(), any())).willReturn(new byte[] {2});
        given(reports.insert(any(Report.class))).willThrow(new DuplicateKeyException("checkId_unique"));

        assertThat(issuer.issue(Checks.agentCheck("c-1"))).contains(winner);
        verify(objects).delete(Report.pdfKey(
                org.mockito.Mockito.mockingDetails(objects).getInvocations().stream()
                        .filter(i -> i.getMethod().getName().equals("delete"))
                        .map(i -> ((String) i.getArgument(0)))
                        .filter(key -> key.endsWith(".pdf")).findFirst().orElseThrow()
                        .replace("reports/", "").replace(".pdf", "")));
        verify(objects, org.mockito.Mockito.never()).delete(winner.pdfKey());
    }

    @Test
    void aPublicCheckIsIgnored() {
        assertThat(issuer.issue(Checks.check("c", new CheckCompleted.Requester(null, null, "public", null), "OK")))
                .isEmpty();
        verify(reports, never()).findByCheckId(any());
    }
}
