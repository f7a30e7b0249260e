package dev.verpath.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A remote in an S3-compatible object store (AWS S3, MinIO, Ceph and the like), through the AWS SDK for Java v2: a
 * file of more than one part goes up as a multipart upload ({@link S3Upload}), resumed after a cut; smaller objects
 * in one request. Keys are the remote's prefix joined with the relative key. The SDK's failures become
 * {@link IOException}s with its message.
 */
final class S3Remote implements RemoteStore {

    /** The part size of a multipart upload (S3 takes 5 MiB to 5 GiB; 10,000 parts of 16 MiB are 156 GiB). */
    static final int PART_BYTES = 16 << 20;

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final int partBytes;

    /**
     * @param client    the client, which this remote closes
     * @param url       the remote
     * @param partBytes the part size of multipart uploads (a file no larger goes up in one request)
     */
    S3Remote(S3Client client, RemoteUrl url, int partBytes) {
        this.client = client;
        this.bucket = url.bucket().orElseThrow();
        this.prefix = url.prefix().isEmpty() ? "" : url.prefix() + "/";
        this.partBytes = partBytes;
    }

    private String full(String key) {
        return prefix + key;
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(full(key)));
            return Optional.of(head.contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failed("ask about", key, e);
        } catch (SdkException e) {
            throw failed("ask about", key, e);
        }
    }

    @Override
    public void upload(String key, Path file, String sha256, LongConsumer sent) throws IOException {
        try {
            long size = java.nio.file.Files.size(file);
            if (size <= partBytes) {
                client.putObject(PutObjectRequest.builder().bucket(bucket).key(full(key))
                        .metadata(Map.of("sha256", sha256)).build(), RequestBody.fromFile(file));
                sent.accept(size);
                return;
            }
            new S3Upload(client, bucket, full(key), partBytes).send(file, sha256, sent);
        } catch (SdkException e) {
            throw failed("upload", key, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        try {
            client.putObject(b -> b.bucket(bucket).key(full(key)), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failed("write", key, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(b -> b.bucket(bucket).key(full(key)));
        } catch (SdkException e) {
            throw failed("read", key, e);
        }
    }

    @Override
    public List<String> keys(String under) throws IOException {
        try {
            return client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(full(under)).build())
                    .contents().stream().map(S3Object::key).map(k -> k.substring(prefix.length())).sorted().toList();
        } catch (SdkException e) {
            throw failed("list", under, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(full(key)));
        } catch (SdkException e) {
            throw failed("delete", key, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private IOException failed(String what, String key, SdkException e) {
        String message = e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.awsErrorDetails().errorCode() + ": " + s3.awsErrorDetails().errorMessage() : e.getMessage();
        return new IOException("cannot " + what + " s3://" + bucket + "/" + full(key) + " (" + message + ")", e);
    }
}
