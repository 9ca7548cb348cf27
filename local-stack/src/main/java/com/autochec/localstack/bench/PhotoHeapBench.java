package com.autochec.localstack.bench;

import com.autochec.localstack.bench.StackClient.Photo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bson.Document;

/**
 * {@code ./autochec bench photos-heap}: anonymous photo checks uploaded in a row through the gateway must leave
 * the embedded MongoDB's heap flat — the photos go to object storage (files under the data directory), only
 * their metadata to the database. Measures the store's heap after a full collection before and after the
 * uploads (once the checks have settled), and the growth of the object store's directory, and prints both per
 * upload next to the average upload size.
 *
 * <p>The uploads are the dataset's real plate photos re-encoded at up to 4x their size (long side at most 2,400 px,
 * about 1 MB each), so that a
 * store keeping the bytes would grow by hundreds of megabytes: a flat heap is then unmistakable.
 */
public final class PhotoHeapBench {

    /**
     * Heap growth per upload accepted as "flat", as a share of the average upload: what each check legitimately
     * adds (the check, its audit entry, the evidence's metadata, and the snapshot's encoded copy of the changed
     * collections) is a few KB to a few tens of KB, against ~1 MB per photo; a store keeping the photos grows by
     * at least 100 %.
     */
    static final double FLAT_SHARE_OF_UPLOAD = 0.05;

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + args[i] + " (see ./autochec help)");
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        int count = Integer.parseInt(flags.getOrDefault("count", "200"));
        Path photosDir = Path.of(flags.getOrDefault("photos", "../shared/datasets/plates-eu-dev"));
        Path objectsDir = Path.of(flags.getOrDefault("home", ".autochec")).resolve("data/objects");
        String gateway = flags.getOrDefault("gateway", StackClient.GATEWAY);
        String mongoUri = flags.getOrDefault("mongo-uri", "mongodb://127.0.0.1:27017");

        List<Photo> photos = enlarged(StackClient.photos(photosDir));
        if (photos.isEmpty()) {
            throw new IllegalStateException("no .jpg/.png photo in " + photosDir);
        }
        StackClient client = new StackClient(StackClient.KEYCLOAK_TOKEN_URL);
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            long heapBefore = heapAfterGc(mongo);
            long filesBefore = directoryBytes(objectsDir);
            System.out.printf(Locale.ROOT, "photos-heap: %d anonymous photo checks in a row through %s (%d photos, "
                    + "re-encoded at up to 4x size)%n", count, gateway, photos.size());
            System.out.printf(Locale.ROOT, "  before: store heap after full GC %s, object store %s%n",
                    mb(heapBefore), mb(filesBefore));

            long uploadedBytes = 0;
            int accepted = 0;
            Map<Integer, Integer> statuses = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Photo photo = photos.get(i % photos.size());
                HttpResponse<String> response = sendWithRetry(client, gateway, photo);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 202) {
                    accepted++;
                    uploadedBytes += photo.bytes().length;
                    ids.add(StackClient.id(response.body()));
                }
            }
            int settled = settle(client, gateway, ids);
            long heapAfter = heapAfterGc(mongo);
            long filesAfter = directoryBytes(objectsDir);

            long heapGrowth = heapAfter - heapBefore;
            double perUpload = accepted == 0 ? 0 : (double) heapGrowth / accepted;
            double averageUpload = accepted == 0 ? 0 : (double) uploadedBytes / accepted;
            System.out.printf(Locale.ROOT, "  uploads: %s; %d accepted, %s uploaded (average %s); %d/%d checks settled%n",
                    statuses, accepted, mb(uploadedBytes), kb(averageUpload), settled, ids.size());
            System.out.printf(Locale.ROOT, "  after:  store heap after full GC %s, object store %s%n",
                    mb(heapAfter), mb(filesAfter));
            System.out.printf(Locale.ROOT, "  store heap growth %s = %s per upload (%.2f %% of an upload); "
                            + "object store growth %s = %s per upload%n",
                    mb(heapGrowth), kb(perUpload), averageUpload == 0 ? 0 : 100 * perUpload / averageUpload,
                    mb(filesAfter - filesBefore), kb(accepted == 0 ? 0 : (double) (filesAfter - filesBefore) / accepted));
            boolean pass = accepted == count && perUpload < FLAT_SHARE_OF_UPLOAD * averageUpload;
            System.out.printf(Locale.ROOT, "target: %d uploads leave the store's heap flat (growth per upload < %.0f %% "
                    + "of an upload, i.e. < %s)   %s%n", count, 100 * FLAT_SHARE_OF_UPLOAD,
                    kb(FLAT_SHARE_OF_UPLOAD * averageUpload), pass ? "PASS" : "MISS");
            if (!pass) {
                System.exit(1);
            }
        } finally {
            client.close();
        }
    }

    private static HttpResponse<String> sendWithRetry(StackClient client, String gateway, Photo photo)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response =
                    client.http().send(client.photoCheck(gateway, photo, null), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 20) {
                return response;
            }
            long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.min(wait, 10) * 1000);
        }
    }

    /** Waits (at most 3 minutes) until every check left PENDING; returns how many did. */
    private static int settle(StackClient client, String gateway, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        List<String> open = new ArrayList<>(ids);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.removeIf(id -> {
                try {
                    String status = StackClient.status(client.get(gateway + "/api/checks/" + id, null).body());
                    return status != null && !status.equals("PENDING");
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            if (!open.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        return ids.size() - open.size();
    }

    /**
     * The lowest of six readings two seconds apart: a snapshot in progress (seconds long once the drill and the load
     * have filled the store) or a batch in flight holds transient bytes that three back-to-back readings all saw
     * (CI once read 42.7 KB per upload where a live-object histogram of the store, {@code jmap -histo:live}, grew by
     * 0.3 KB per upload).
     */
    private static long heapAfterGc(MongoClient mongo) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                Thread.sleep(2000);
            }
            Document status = mongo.getDatabase("admin").runCommand(new Document("autochecStoreStatus", 1).append("gc", true));
            Document memory = status.get("memory", Document.class);
            if (memory == null) {
                throw new IllegalStateException("the store answers no 'memory' in autochecStoreStatus: is it the local stack's?");
            }
            best = Math.min(best, ((Number) memory.get("heapUsedBytes")).longValue());
        }
        return best;
    }

    /** The bytes of the files under the directory; files that vanish while it is walked (a rename, retention) are skipped. */
    static long directoryBytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // e.g. a temporary file renamed meanwhile
            }
        });
        return total[0];
    }

    /** Each photo scaled up to 4x (bicubic; long side at most 2,400 px) and re-encoded as a high-quality JPEG. */
    static List<Photo> enlarged(List<Photo> photos) throws IOException {
        List<Photo> out = new ArrayList<>();
        for (Photo photo : photos) {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
            if (source == null) {
                continue;
            }
            // 4x, the long side at most 2,400 px (the tool's small heap; a phone photo's size)
            double scale = Math.min(4.0, 2400.0 / Math.max(source.getWidth(), source.getHeight()));
            BufferedImage big = new BufferedImage((int) Math.round(source.getWidth() * scale),
                    (int) Math.round(source.getHeight() * scale), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(source, 0, 0, big.getWidth(), big.getHeight(), null);
            g.dispose();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.95f);
                writer.write(null, new IIOImage(big, null, null), param);
            } finally {
                writer.dispose();
            }
            String name = photo.name().replaceAll("\\.[^.]+$", "") + "-x4.jpg";
            out.add(new Photo(name, "image/jpeg", bytes.toByteArray()));
        }
        return out;
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
    }

    private PhotoHeapBench() {}
}
