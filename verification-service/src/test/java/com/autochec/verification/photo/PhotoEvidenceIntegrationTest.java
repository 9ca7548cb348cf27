package com.autochec.verification.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.platform.objectstore.FileSystemObjectStore;
import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.verification.ControlledClockIntegration;
import com.autochec.verification.MutableClock;
import com.autochec.verification.check.CheckQueries;
import com.autochec.verification.check.CheckService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Photo evidence lives in the object store with small metadata in MongoDB, is deleted after its
 * retention, and a photo check whose reading never comes completes at its deadline. Time is moved by
 * hand ({@link MutableClock}); each test moves it forward only, relative to where it finds it.
 */
@ControlledClockIntegration
class PhotoEvidenceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper mapper;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ObjectStore objects;

    @Autowired
    MutableClock clock;

    @Autowired
    PhotoEvidenceStore evidence;

    @Autowired
    PhotoEvidenceRetention retention;

    @Autowired
    CheckService checks;

    private static byte[] photo(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        System.arraycopy(JPEG, 0, data, 0, JPEG.length);
        return data;
    }

    private String upload(byte[] data) throws Exception {
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", data)))
                .andExpect(status().isAccepted())
                .andReturn();
        return mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
    }

    private static int bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }

    @Test
    void twoHundredPhotosLeaveOnlySmallMetadataInMongoDbAndTheirBytesInFiles() throws Exception {
        int size = 64 * 1024;
        List<String> ids = new ArrayList<>();
        long metadataBytes = 0;
        for (int i = 0; i < 200; i++) {
            ids.add(upload(photo(size, i)));
        }
        Path root = ((FileSystemObjectStore) objects).root();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Document meta = mongo.findOne(EvidenceQueries.byCheckId(id), Document.class, EvidenceQueries.EVIDENCE);
            assertThat(meta).as("metadata of %s", id).isNotNull();
            assertThat(bsonSize(meta)).isLessThan(512);
            assertThat(meta.keySet()).contains("_id", "key", "contentType", "size", "sha256", "createdAt").doesNotContain("data");
            metadataBytes += bsonSize(meta);
            assertThat(meta.get("size", Number.class).longValue()).isEqualTo(size);
            Document check = mongo.findOne(CheckQueries.byId(id), Document.class, CheckQueries.CHECKS);
            assertThat(bsonSize(check)).isLessThan(1024);
            Path file = root.resolve(meta.getString("key"));
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(evidence.read(evidence.find(id).orElseThrow())).get().isEqualTo(photo(size, i));
        }
        // 12.8 MB of photos in files, under 100 KB of metadata in MongoDB; no bytes left in the legacy collection
        assertThat(metadataBytes).isLessThan(200L * 512);
        assertThat(mongo.collectionExists(PhotoEvidenceStore.LEGACY_COLLECTION)).isFalse();
    }

    @Test
    void photosOlderThanTheRetentionAreDeletedObjectsAndMetadataAlike() throws Exception {
        String old = upload(photo(1024, 1));
        String oldKey = evidence.find(old).orElseThrow().key();
        // an object whose metadata write was lost, on the same day
        String orphanKey = oldKey.substring(0, oldKey.lastIndexOf('/') + 1) + UUID.randomUUID();
        objects.put(orphanKey, photo(1024, 2), "image/jpeg");
        clock.advance(Duration.ofDays(20));
        String recent = upload(photo(1024, 3));
        String recentKey = evidence.find(recent).orElseThrow().key();

        clock.advance(Duration.ofDays(12)); // the old photo is 32 days old, the recent one 12
        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(evidence.find(old)).isEmpty();
        assertThat(objects.get(oldKey)).isEmpty();
        assertThat(objects.get(orphanKey)).isEmpty();
        assertThat(evidence.find(recent)).isPresent();
        assertThat(objects.get(recentKey)).isPresent();
        // the check itself is kept (audit, reports): only the photo goes
        assertThat(mongo.findOne(CheckQueries.byId(old), Document.class, CheckQueries.CHECKS)).isNotNull();
    }

    @Test
    void aPhotoCheckWhoseReadingNeverComesCompletesAtItsDeadlineAndALateReadingIsIgnored() throws Exception {
        String id = upload(photo(2048, 4));
        mvc.perform(get("/api/checks/" + id)).andExpect(jsonPath("$.status").value("PENDING"));

        clock.advance(Duration.ofSeconds(61));
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + id))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.verdict").value("UNREADABLE"))
                .andExpect(jsonPath("$.reasons[0].code").value(CheckService.READING_TIMEOUT))
                .andExpect(jsonPath("$.reasons[0].message").value(org.hamcrest.Matchers.containsString("type the plate")))
                .andExpect(jsonPath("$.reasons[0].messageFr").value(org.hamcrest.Matchers.containsString("Saisissez la plaque"))));
        // published like any completed check (audit, reports)
        await().atMost(WAIT).until(() -> mongo.findOne(CheckQueries.byId(id), Document.class, CheckQueries.CHECKS)
                .get("outbox", Document.class)
                .getBoolean("published"));
        String before = mvc.perform(get("/api/checks/" + id)).andReturn().getResponse().getContentAsString();

        checks.completeFromReading(new PlateRead(
                UUID.randomUUID().toString(), clock.instant(), id, true, null,
                List.of(new PlateRead.PlateCandidate("AB-123-CD", 0.99, null)), "ppocr-v4", 90));

        assertThat(mvc.perform(get("/api/checks/" + id)).andReturn().getResponse().getContentAsString())
                .isEqualTo(before);
    }

    @Test
    void aCheckWithinItsDeadlineIsLeftWaiting() throws Exception {
        String id = upload(photo(2048, 5));
        clock.advance(Duration.ofSeconds(30));
        checks.timeOutOverdueReadings(100);
        mvc.perform(get("/api/checks/" + id)).andExpect(jsonPath("$.status").value("PENDING"));
        Instant deadline = mongo.findOne(CheckQueries.byId(id), Document.class, CheckQueries.CHECKS)
                .getDate("deadline").toInstant();
        assertThat(deadline).isAfter(clock.instant());
    }

    @Test
    void aPhotoTakenOfflineKeepsItsCaptureTimeAndOneFromTheFutureIsRefused() throws Exception {
        Instant taken = clock.instant().minus(Duration.ofHours(20));
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", photo(2048, 6)))
                        .param("capturedAt", taken.toString()))
                .andExpect(status().isAccepted())
                .andReturn();
        String id = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        mvc.perform(get("/api/checks/" + id)).andExpect(jsonPath("$.capturedAt").value(taken.toString()));
        assertThat(mongo.findOne(CheckQueries.byId(id), Document.class, CheckQueries.CHECKS)
                        .getDate("capturedAt").toInstant())
                .isEqualTo(taken);

        long stored = mongo.getCollection(CheckQueries.CHECKS).countDocuments();
        mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", photo(2048, 7)))
                        .param("capturedAt", clock.instant().plus(Duration.ofHours(1)).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capturedAt"));
        mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", photo(2048, 8)))
                        .param("capturedAt", clock.instant().minus(Duration.ofDays(8)).toString()))
                .andExpect(status().isBadRequest());
        assertThat(mongo.getCollection(CheckQueries.CHECKS).countDocuments()).isEqualTo(stored);
    }
}
