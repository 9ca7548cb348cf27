package com.autochec.platform.objectstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Objects in an S3-compatible bucket (MinIO in docker-compose and Kubernetes). */
public class S3ObjectStore implements ObjectStore {

    static final String BUCKET_PREFIX = "autochec-";

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * The bucket {@code autochec-<service>} when this one follows that naming (the default, {@code S3_BUCKET}
     * unset); a bucket named otherwise is shared by every service, so it is this store.
     */
    @Override
    public ObjectStore ofService(String service) {
        String other = BUCKET_PREFIX + ObjectStore.checkKey(service);
        return bucket.startsWith(BUCKET_PREFIX) && !bucket.equals(other) ? new S3ObjectStore(s3, other) : this;
    }

    /** Creates the bucket if it does not exist yet. */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(
                b -> b.bucket(bucket).key(ObjectStore.checkKey(key)).contentType(contentType),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredObject> get(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(ObjectStore.checkKey(key)));
            GetObjectResponse response = in.response();
            return Optional.of(new StoredObject(
                    key, response.contentType(), response.contentLength(), response.lastModified(), in));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String key) {
        String checked = ObjectStore.checkKey(key);
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(checked));
            if (head == null) {
                return false;
            }
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
        s3.deleteObject(b -> b.bucket(bucket).key(checked));
        return true;
    }

    @Override
    public int deleteOlderThan(String prefix, Instant before) {
        List<ObjectIdentifier> old = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (object.lastModified().isBefore(before)) {
                old.add(ObjectIdentifier.builder().key(object.key()).build());
            }
        }
        for (int i = 0; i < old.size(); i += 1000) {
            List<ObjectIdentifier> page = old.subList(i, Math.min(old.size(), i + 1000));
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(page).quiet(true).build()));
        }
        return old.size();
    }
}
