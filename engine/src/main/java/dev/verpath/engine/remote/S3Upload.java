package dev.verpath.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * One multipart upload of a file, resumable: an upload of the same key left unfinished on the store (found with
 * ListMultipartUploads, newest first) is continued, each part it already holds (ListParts) kept when its size and
 * ETag (the part's MD5) match the file's bytes, so a cut-off upload sends only what is missing. Completing it makes
 * the object appear whole; until then the key holds nothing (or its older object).
 */
final class S3Upload {

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final int partBytes;

    S3Upload(S3Client client, String bucket, String key, int partBytes) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.partBytes = partBytes;
    }

    /**
     * Sends the file, keeping the parts an earlier cut-off upload left, and completes the upload.
     *
     * @param file   the file
     * @param sha256 its SHA-256, kept in the object's metadata ({@code x-amz-meta-sha256})
     * @param sent   told of the bytes of each part sent
     * @throws IOException when the file cannot be read
     */
    void send(Path file, String sha256, LongConsumer sent) throws IOException {
        String uploadId = unfinished().orElseGet(() -> client.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .metadata(Map.of("sha256", sha256))).uploadId());
        Map<Integer, Part> there = parts(uploadId);
        long size = Files.size(file);
        List<CompletedPart> done = new ArrayList<>();
        byte[] buffer = new byte[partBytes];
        try (InputStream in = Files.newInputStream(file)) {
            for (int number = 1; (long) (number - 1) * partBytes < size; number++) {
                int n = in.readNBytes(buffer, 0, partBytes);
                String md5 = md5(buffer, n);
                Part kept = there.get(number);
                if (kept != null && kept.size() == n && unquoted(kept.eTag()).equalsIgnoreCase(md5)) {
                    done.add(CompletedPart.builder().partNumber(number).eTag(kept.eTag()).build());
                    continue;
                }
                int partNumber = number;
                String eTag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength((long) n), RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, n))).eTag();
                done.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
                sent.accept(n);
            }
        }
        client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(done)));
    }

    /** The newest unfinished upload of this key, when the store has one. */
    private Optional<String> unfinished() {
        return client.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key)).uploads().stream()
                .filter(u -> u.key().equals(key))
                .max(Comparator.comparing(MultipartUpload::initiated, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(MultipartUpload::uploadId);
    }

    private Map<Integer, Part> parts(String uploadId) {
        Map<Integer, Part> parts = new HashMap<>();
        Integer marker = null;
        while (true) {
            Integer from = marker;
            ListPartsResponse page = client.listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumberMarker(from));
            page.parts().forEach(p -> parts.put(p.partNumber(), p));
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextPartNumberMarker() == null) {
                return parts;
            }
            marker = page.nextPartNumberMarker();
        }
    }

    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    private static String md5(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
