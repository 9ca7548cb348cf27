package com.autochec.document.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.document.config.DocumentProperties;
import com.autochec.document.document.DocumentStateOutbox;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import com.autochec.platform.objectstore.FileSystemObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;
import org.springframework.http.HttpStatus;
import com.autochec.document.testing.TestFiles;

class DocumentUploadsTest {

    static final String VIN = "VF1RFB00X12345678";
    static final Caller OWNER = new Caller("owner-1", "odile", Role.OWNER, null, null);
    static final Caller AGENT = new Caller("agent-1", "agent", Role.AGENT, "Police", "POLICE");

    DocumentStore store = mock(DocumentStore.class);
    VehicleOwners owners = mock(VehicleOwners.class);
    ImageRelay relay = mock(ImageRelay.class);
    DocumentStateOutbox outbox = mock(DocumentStateOutbox.class);
    @TempDir
    Path objectsDir;
    FileSystemObjectStore objects;
    DocumentFiles files;
    DocumentUploads uploads;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        objects = spy(new FileSystemObjectStore(objectsDir));
        files = new DocumentFiles(objects, mock(com.autochec.document.document.DocumentQueries.class));
        var properties = new DocumentProperties(1, LIMIT, 0, 5, 40_000_000L, null);
        uploads = new DocumentUploads(store, owners, files, relay, properties,
                Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC), outbox, new PageRenderer(properties),
                audit, events);
        given(audit.uploaded(any(), any(), any(), any(), any())).willReturn(new com.autochec.contracts.audit.AuditEvent(
                "e-1", Instant.EPOCH, "DOCUMENT_UPLOADED", com.autochec.contracts.audit.AuditEvent.Actor.SYSTEM, null, null,
                null, null, null, false, "DOCUMENT", "d-1", "PENDING", null, null, null));
    }

    static final int LIMIT = 2 * 1024 * 1024;
    com.autochec.document.audit.DocumentAudit audit = mock(com.autochec.document.audit.DocumentAudit.class);
    org.springframework.context.ApplicationEventPublisher events = mock(org.springframework.context.ApplicationEventPublisher.class);

    /** A real JPEG; {@code size} only chooses how large (at least that many bytes once over LIMIT). */
    static byte[] jpeg(int size) {
        if (size > LIMIT) return java.util.Arrays.copyOf(TestFiles.jpeg(8, 8), size);
        return TestFiles.jpeg(16, 16);
    }

    static VehicleOwner owned(String account) {
        return new VehicleOwner("v1", VIN, "AB-123-CD", account, 3, false, "Odile Martin", "PERSON", null);
    }

    static HttpStatus statusOf(Runnable r) {
        try {
            r.run();
        } catch (ApiProblem e) {
            return e.type().status();
        }
        return HttpStatus.OK;
    }

    @Test
    void ownerUploadsForOwnVehicle() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        var response = uploads.upload(OWNER, new DocumentUploads.Upload(jpeg(100), "image/jpeg", "insurance", VIN, null));
        assertThat(response.status()).isEqualTo(DocumentStatus.PENDING);
        assertThat(response.plate()).isEqualTo("AB-123-CD");
        assertThat(response.file().contentType()).isEqualTo("image/jpeg");
        verify(store).insert(any(VehicleDocument.class));
        verify(relay).send(any(VehicleDocument.class), any(byte[].class), eq("image/jpeg"));
        verify(outbox).kick();
    }

    @Test
    void theBytesGoToTheObjectStoreBeforeTheMetadataGoesToMongo() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        byte[] bytes = jpeg(200);
        var response = uploads.upload(OWNER, new DocumentUploads.Upload(bytes, "image/jpeg", "INSURANCE", VIN, null));
        assertThat(bytes.length).isGreaterThan(100);

        InOrder order = inOrder(objects, store);
        order.verify(objects).put(eq("documents/" + response.id()), eq(bytes), eq("image/jpeg"));
        var stored = org.mockito.ArgumentCaptor.forClass(VehicleDocument.class);
        order.verify(store).insert(stored.capture());
        var image = stored.getValue().image();
        assertThat(image.key()).isEqualTo("documents/" + response.id());
        assertThat(image.size()).isEqualTo(bytes.length);
        assertThat(image.sha256()).hasSize(64);
        assertThat(image.createdAt()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(objects.get(image.key()).orElseThrow().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aFailedMetadataWriteIsNotAcknowledgedAndLeavesOnlyAnOrphanObject() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        doThrow(new org.springframework.dao.DataAccessResourceFailureException("mongo down"))
                .when(store).insert(any(VehicleDocument.class));
        assertThatThrownBy(() -> uploads.upload(OWNER, new DocumentUploads.Upload(jpeg(50), "image/jpeg", "INSURANCE", VIN, null)))
                .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
        verify(relay, never()).send(any(), any(), any());
        // the object is there, with no document naming it: what the orphan cleanup removes
        assertThat(objects.deleteOlderThan(DocumentFiles.PREFIX, Instant.now().plusSeconds(60))).isEqualTo(1);
    }

    @Test
    void anUnavailableObjectStoreIsA503AndNothingIsWrittenToMongo() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        doThrow(new java.io.UncheckedIOException(new java.io.IOException("disk full")))
                .when(objects).put(any(), any(), any());
        assertThat(statusOf(() -> uploads.upload(OWNER, new DocumentUploads.Upload(jpeg(50), "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verify(store, never()).insert(any());
    }

    @Test
    void ownerCannotUploadForSomeoneElsesVehicle() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("other")));
        assertThat(statusOf(() -> uploads.upload(OWNER, new DocumentUploads.Upload(jpeg(100), "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        verify(store, never()).insert(any());
    }

    @Test
    void rejectsWhatIsNotAnImageWhateverItDeclares() {
        byte[] pdf = "%PDF-1.7 not an image".getBytes();
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(pdf, "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(jpeg(10), "image/png", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void rejectsOversizedAndBadParameters() {
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(jpeg(LIMIT + 1), "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(jpeg(10), "image/jpeg", "PASSPORT", VIN, null))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(jpeg(10), "image/jpeg", "INSURANCE", "{\"$ne\":1}", null))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(jpeg(10), "image/jpeg", "INSURANCE", null, null))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        given(owners.byPlate("ZZ-999-ZZ")).willReturn(Optional.empty());
        assertThat(statusOf(() -> uploads.upload(AGENT, agentUpload(jpeg(10), "image/jpeg", "INSURANCE", null, "zz 999 zz"))))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> uploads.upload(AGENT, agentUpload(new byte[0], null, "INSURANCE", VIN, null)))
                .isInstanceOf(ApiProblem.class);
    }

    static DocumentUploads.Upload agentUpload(byte[] bytes, String contentType, String type, String vin, String plate) {
        return new DocumentUploads.Upload(bytes, contentType, null, type, vin, plate, null, "ROADSIDE_CONTROL", null);
    }

    static DocumentUploads.Upload named(byte[] bytes, String contentType, String filename, String type) {
        return new DocumentUploads.Upload(bytes, contentType, filename, type, VIN, null, null, null, null);
    }

    @Test
    void aPdfIsStoredAsIsAndItsFirstPageRenderedToPngForOcr() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        byte[] pdf = TestFiles.pdf(2, 0, false);
        var response = uploads.upload(OWNER, named(pdf, "application/pdf", "attestation.pdf", "INSURANCE"));
        assertThat(response.file().contentType()).isEqualTo("application/pdf");
        assertThat(response.status()).isEqualTo(DocumentStatus.PENDING);
        var sent = org.mockito.ArgumentCaptor.forClass(byte[].class);
        verify(relay).send(any(VehicleDocument.class), sent.capture(), eq("image/png"));
        assertThat(sent.getValue()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(objects.get("document-pages/" + response.id())).isPresent();
    }

    @Test
    void pdfBombsAndBadPdfsAre4xxAndNothingIsStored() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        // too many pages, a page far too large to render, encrypted, corrupt
        assertThat(statusOf(() -> uploads.upload(OWNER, named(TestFiles.pdf(6, 0, false), null, "a.pdf", "INSURANCE"))))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(statusOf(() -> uploads.upload(OWNER, named(TestFiles.pdf(1, 14_400, false), null, "a.pdf", "INSURANCE"))))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(statusOf(() -> uploads.upload(OWNER, named(TestFiles.pdf(1, 0, true), null, "a.pdf", "INSURANCE"))))
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(statusOf(() -> uploads.upload(OWNER, named("%PDF-1.7 garbage".getBytes(), null, "a.pdf", "INSURANCE"))))
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        // a PNG whose header claims 100,000 x 100,000 pixels
        assertThat(statusOf(() -> uploads.upload(OWNER, named(TestFiles.pngBomb(100_000, 100_000), "image/png", "a.png", "INSURANCE"))))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        // a truncated JPEG
        assertThat(statusOf(() -> uploads.upload(OWNER, named(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1}, null, "a.jpg", "INSURANCE"))))
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        verify(store, never()).insert(any());
        verify(objects, never()).put(any(), any(), any());
    }

    @Test
    void renamedFilesAreRefused() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        assertThat(statusOf(() -> uploads.upload(OWNER, named(TestFiles.png(20, 20), null, "scan.pdf", "INSURANCE"))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(statusOf(() -> uploads.upload(OWNER, named(TestFiles.pdf(1, 0, false), null, "photo.jpg", "INSURANCE"))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(statusOf(() -> uploads.upload(OWNER, named("GIF89a....".getBytes(), "image/gif", "a.gif", "INSURANCE"))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        verify(store, never()).insert(any());
    }

    @Test
    void agentsMustStateAPurposeAndTaxIsAType() {
        given(owners.byVin(VIN)).willReturn(Optional.of(owned("owner-1")));
        var noPurpose = new DocumentUploads.Upload(TestFiles.png(20, 20), null, null, "INSURANCE", VIN, null, null, null, null);
        assertThat(statusOf(() -> uploads.upload(AGENT, noPurpose))).isEqualTo(HttpStatus.BAD_REQUEST);
        var otherWithoutText = new DocumentUploads.Upload(TestFiles.png(20, 20), null, null, "INSURANCE", VIN, null, null, "OTHER", null);
        assertThat(statusOf(() -> uploads.upload(AGENT, otherWithoutText))).isEqualTo(HttpStatus.BAD_REQUEST);
        var response = uploads.upload(AGENT, new DocumentUploads.Upload(TestFiles.png(20, 20), null, null, "tax", VIN, null,
                null, "insurance_claim", null));
        assertThat(response.type()).isEqualTo(com.autochec.contracts.document.DocumentType.ROAD_TAX);
        assertThat(response.purpose()).isEqualTo("INSURANCE_CLAIM");
        verify(audit).uploaded(eq(AGENT), any(), eq("ROAD_TAX"), eq("INSURANCE_CLAIM"), eq(null));
    }
}
