package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.platform.objectstore.FileSystemObjectStore;
import com.autochec.platform.objectstore.ObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence photo is read from verification-service's folder, at print size, and only for photo checks; an
 * unreachable store delays the report rather than printing it without the photo.
 */
class EvidencePhotosTest {

    private static final LocalDate DAY = LocalDate.of(2025, 5, 12); // Checks' requestedAt, UTC

    @TempDir
    Path root;

    private ObjectStore own() {
        return new FileSystemObjectStore(root.resolve("report-service"));
    }

    private void storePhoto(String checkId, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width / 2, height); // left half blue: the picture is not flipped or cropped
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, format, bytes);
        new FileSystemObjectStore(root.resolve("verification-service"))
                .put(EvidencePhotos.key(DAY, checkId), bytes.toByteArray(), "image/" + format);
    }

    @Test
    void aLargePhotoIsReadAtPrintSizeKeepingItsProportions() throws IOException {
        storePhoto("big", 4000, 3000, "jpeg");

        BufferedImage photo = new EvidencePhotos(own()).photo(Checks.agentCheck("big")).orElseThrow();

        assertThat(Math.max(photo.getWidth(), photo.getHeight())).isLessThanOrEqualTo(EvidencePhotos.MAX_SIDE)
                .isGreaterThan(EvidencePhotos.MAX_SIDE / 2);
        assertThat((double) photo.getWidth() / photo.getHeight()).isCloseTo(4.0 / 3, offset(0.01));
        assertThat(new Color(photo.getRGB(10, photo.getHeight() / 2)).getBlue()).isGreaterThan(200);
        assertThat(new Color(photo.getRGB(photo.getWidth() - 10, photo.getHeight() / 2)).getRed()).isGreaterThan(200);
    }

    @Test
    void aSmallPhotoIsReadWhole() throws IOException {
        storePhoto("small", 800, 600, "png");

        BufferedImage photo = new EvidencePhotos(own()).photo(Checks.agentCheck("small")).orElseThrow();

        assertThat(photo.getWidth()).isEqualTo(800);
        assertThat(photo.getHeight()).isEqualTo(600);
    }

    @Test
    void noPhotoForATypedCheckAMissingPhotoOrBytesThatAreNoImage() throws IOException {
        storePhoto("typed", 800, 600, "png");
        CheckCompleted photoCheck = Checks.agentCheck("typed");
        CheckCompleted typed = new CheckCompleted(photoCheck.eventId(), photoCheck.occurredAt(), photoCheck.checkId(),
                photoCheck.requestedAt(), "TYPED", photoCheck.plate(), photoCheck.verdict(), photoCheck.reasons(),
                photoCheck.requester(), photoCheck.purpose(), photoCheck.vehicle(), photoCheck.documents(),
                photoCheck.reading());
        new FileSystemObjectStore(root.resolve("verification-service"))
                .put(EvidencePhotos.key(DAY, "garbage"), new byte[] {1, 2, 3, 4}, "image/jpeg");

        EvidencePhotos photos = new EvidencePhotos(own());

        assertThat(photos.photo(typed)).isEmpty();
        assertThat(photos.photo(Checks.agentCheck("absent"))).isEmpty();
        assertThat(photos.photo(Checks.agentCheck("garbage"))).isEmpty();
    }

    @Test
    void anUnreachableStoreDelaysTheReportWhileAnyOtherReadFailurePrintsItWithoutThePhoto() {
        ObjectStore own = mock(ObjectStore.class);
        ObjectStore theirs = mock(ObjectStore.class);
        when(own.ofService(EvidencePhotos.OWNER)).thenReturn(theirs);
        UncheckedIOException unreachable = new UncheckedIOException(new ConnectException("Connection refused"));
        when(theirs.get(EvidencePhotos.key(DAY, "down"))).thenThrow(unreachable);
        when(theirs.get(EvidencePhotos.key(DAY, "denied"))).thenThrow(new IllegalStateException("Access Denied"));

        EvidencePhotos photos = new EvidencePhotos(own);

        assertThatThrownBy(() -> photos.photo(Checks.agentCheck("down"))).isSameAs(unreachable);
        assertThat(photos.photo(Checks.agentCheck("denied"))).isEmpty();
    }
}
