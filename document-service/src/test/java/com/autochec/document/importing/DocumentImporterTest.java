package com.autochec.document.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.autochec.document.document.DocumentStateOutbox;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DocumentImporterTest {

    static final String CSV = String.join(",", DocumentRow.HEADER) + "\n"
            + "doc-1,VF1RFB00X12345678,AB-123-CD,INSURANCE,MAIF,POL-1,2025-01-01,2025-12-31,,VALIDATED\n"
            + "doc-1,VF1RFB00X12345678,AB-123-CD,INSURANCE,MAIF,POL-1,2025-01-01,2025-12-31,,VALIDATED\n"
            + "doc-2,VF1RFB00X12345678,AB-123-CD,ROAD_TAX\n";
    static final Caller ADMIN = new Caller("admin-1", "admin", Role.ADMIN, null, null);

    DocumentStore store = mock(DocumentStore.class);
    DocumentStateOutbox outbox = mock(DocumentStateOutbox.class);
    DocumentImporter importer = new DocumentImporter(
            store, Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC), outbox,
            mock(org.springframework.context.ApplicationEventPublisher.class));

    @Test
    void newRowsAreCreatedWithAPendingOutboxAndBadRowsReported() {
        var report = importer.importCsv(CSV, ADMIN);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportReport.RowError::line).containsExactly(3, 4);
        assertThat(report.errors().get(0).message()).contains("duplicate document_id doc-1");
        assertThat(report.errors().get(1).message()).contains("expected 10 columns, found 4");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<VehicleDocument>> inserts = ArgumentCaptor.forClass(List.class);
        verify(store).bulkWrite(inserts.capture(), anyList());
        VehicleDocument created = inserts.getValue().get(0);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.outbox().published()).isFalse();
        assertThat(created.outbox().version()).isEqualTo(1);
        verify(outbox).kick();
    }

    @Test
    void identicalRowsChangeAndPublishNothing() {
        var first = importer.importCsv(CSV, ADMIN);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<VehicleDocument>> inserts = ArgumentCaptor.forClass(List.class);
        verify(store).bulkWrite(inserts.capture(), anyList());
        given(store.findByIds(anyList())).willReturn(inserts.getValue());

        DocumentStore later = store;
        org.mockito.Mockito.clearInvocations(later, outbox);
        var again = importer.importCsv(CSV, ADMIN);
        assertThat(first.created()).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        verify(store).bulkWrite(List.of(), List.of());
        verify(outbox, never()).kick();
    }

    @Test
    void aChangedRowBumpsTheVersionConditionally() {
        var existing = DocumentImporter.created(
                DocumentRow.parse(Map.of("document_id", "doc-1", "vin", "VF1RFB00X12345678", "type", "INSURANCE",
                        "valid_until", "2025-12-31")).row(), ADMIN, Instant.parse("2025-01-01T00:00:00Z"));
        given(store.findByIds(anyList())).willReturn(List.of(existing));
        importer.importCsv(String.join(",", DocumentRow.HEADER) + "\n"
                + "doc-1,VF1RFB00X12345678,,INSURANCE,AXA,P-9,,2026-12-31,,VALIDATED\n", ADMIN);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<DocumentStore.Change>> changes = ArgumentCaptor.forClass(List.class);
        verify(store).bulkWrite(anyList(), changes.capture());
        DocumentStore.Change change = changes.getValue().get(0);
        assertThat(change.expectedEventId()).isEqualTo(existing.outbox().eventId());
        assertThat(change.next().version()).isEqualTo(2);
        assertThat(change.next().issuer()).isEqualTo("AXA");
        assertThat(change.next().outbox().eventId()).isNotEqualTo(existing.outbox().eventId());
    }
}
