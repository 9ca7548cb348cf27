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
        uploads = new DocumentUploads(store, owners, files, relay, new DocumentProperties(1, 1024, 0),
                Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC), outbox);
    }

    static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
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
        given(owners.byVin(VIN)).willReturn(Optional.of(new VehicleOwner("v1", VIN, "AB-123-CD", "owner-1", 3, false)));
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
        given(owners.byVin(VIN)).willReturn(Optional.of(new VehicleOwner("v1", VIN, "AB-123-CD", "owner-1", 3, false)));
        byte[] bytes = jpeg(200);
        var response = uploads.upload(OWNER, new DocumentUploads.Upload(bytes, "image/jpeg", "INSURANCE", VIN, null));

        InOrder order = inOrder(objects, store);
        order.verify(objects).put(eq("documents/" + response.id()), eq(bytes), eq("image/jpeg"));
        var stored = org.mockito.ArgumentCaptor.forClass(VehicleDocument.class);
        order.verify(store).insert(stored.capture());
        var image = stored.getValue().image();
        assertThat(image.key()).isEqualTo("documents/" + response.id());
        assertThat(image.size()).isEqualTo(200);
        assertThat(image.sha256()).hasSize(64);
        assertThat(image.createdAt()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(objects.get(image.key()).orElseThrow().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aFailedMetadataWriteIsNotAcknowledgedAndLeavesOnlyAnOrphanObject() {
        given(owners.byVin(VIN)).willReturn(Optional.of(new VehicleOwner("v1", VIN, "AB-123-CD", "owner-1", 3, false)));
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
        given(owners.byVin(VIN)).willReturn(Optional.of(new VehicleOwner("v1", VIN, "AB-123-CD", "owner-1", 3, false)));
        doThrow(new java.io.UncheckedIOException(new java.io.IOException("disk full")))
                .when(objects).put(any(), any(), any());
        assertThat(statusOf(() -> uploads.upload(OWNER, new DocumentUploads.Upload(jpeg(50), "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verify(store, never()).insert(any());
    }

    @Test
    void ownerCannotUploadForSomeoneElsesVehicle() {
        given(owners.byVin(VIN)).willReturn(Optional.of(new VehicleOwner("v1", VIN, "AB-123-CD", "other", 3, false)));
        assertThat(statusOf(() -> uploads.upload(OWNER, new DocumentUploads.Upload(jpeg(100), "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        verify(store, never()).insert(any());
    }

    @Test
    void rejectsWhatIsNotAnImageWhateverItDeclares() {
        byte[] pdf = "%PDF-1.7 not an image".getBytes();
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(pdf, "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(jpeg(10), "image/png", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void rejectsOversizedAndBadParameters() {
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(jpeg(1025), "image/jpeg", "INSURANCE", VIN, null))))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(jpeg(10), "image/jpeg", "PASSPORT", VIN, null))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(jpeg(10), "image/jpeg", "INSURANCE", "{\"$ne\":1}", null))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(jpeg(10), "image/jpeg", "INSURANCE", null, null))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        given(owners.byPlate("ZZ-999-ZZ")).willReturn(Optional.empty());
        assertThat(statusOf(() -> uploads.upload(AGENT, new DocumentUploads.Upload(jpeg(10), "image/jpeg", "INSURANCE", null, "zz 999 zz"))))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> uploads.upload(AGENT, new DocumentUploads.Upload(new byte[0], null, "INSURANCE", VIN, null)))
                .isInstanceOf(ApiProblem.class);
    }
}
