package dev.verpath.engine.remote;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One remote, opened for a command: push a backup to it, list its backups, pull one. An {@code s3://} remote is
 * reached through the AWS SDK's default chains only: credentials (environment, system properties, the profile
 * files, container and instance roles), region ({@code us-east-1} when none is set, as S3-compatible stores take),
 * and endpoint ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}, a profile's {@code endpoint_url}) for
 * MinIO, Ceph and the like. Nothing of Verpath's own holds a credential. Closing it releases its connections.
 */
public final class BackupRemote implements AutoCloseable {

    private final RemoteStore store;
    private final RemoteUrl url;
    private final ProgressListener listener;

    BackupRemote(RemoteStore store, RemoteUrl url, ProgressListener listener) {
        this.store = store;
        this.url = url;
        this.listener = listener;
    }

    /**
     * @param url       the remote
     * @param pathStyle for {@code s3://}: address the bucket in the path ({@code [backup] remote_path_style}), as
     *                  MinIO and most S3-compatible stores need, rather than in the host name
     * @param listener  told how a push or pull goes
     * @return the remote, opened
     */
    public static BackupRemote open(RemoteUrl url, boolean pathStyle, ProgressListener listener) {
        if (!url.s3()) {
            return new BackupRemote(new FolderRemote(url.folder().orElseThrow(), S3Remote.PART_BYTES), url, listener);
        }
        try {
            S3Client client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                    .region(region()).forcePathStyle(pathStyle)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
            return new BackupRemote(new S3Remote(client, url, S3Remote.PART_BYTES), url, listener);
        } catch (SdkException e) {
            throw new EnvironmentFailure(url.text() + ": cannot reach the object store (" + e.getMessage()
                    + "); check the AWS_* environment or the profile files", e);
        }
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException none) {
            return Region.US_EAST_1;
        }
    }

    /** @return the remote's URL */
    public RemoteUrl url() {
        return url;
    }

    /**
     * Pushes a finished backup (see {@link BackupPush}).
     *
     * @param backup the backup folder
     * @return what was sent
     */
    public BackupPush.Pushed push(Path backup) {
        try {
            return new BackupPush(store, url, listener).push(backup);
        } catch (IOException e) {
            throw new EnvironmentFailure(url.text() + ": pushing backup " + backup.getFileName() + " failed ("
                    + e.getMessage() + "); push it again: what was sent is kept", e);
        }
    }

    /**
     * @param product only this product's backups, when given
     * @return the remote's complete backups, oldest first
     */
    public List<RemoteBackup> list(Optional<String> product) {
        try {
            return new BackupPull(store, url, listener).list(product);
        } catch (IOException e) {
            throw new EnvironmentFailure(url.text() + ": cannot list the remote's backups (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Pulls a backup into a store (see {@link BackupPull}).
     *
     * @param id          the backup id, or the newest
     * @param product     only this product's backups, when given
     * @param storeFolder the backup store's folder
     * @return the local backup folder
     */
    public Path pull(Optional<String> id, Optional<String> product, Path storeFolder) {
        BackupPull pull = new BackupPull(store, url, listener);
        RemoteBackup backup = BackupPull.choose(list(product), id, url);
        try {
            return pull.pull(backup, storeFolder);
        } catch (IOException e) {
            throw new EnvironmentFailure(url.text() + ": pulling backup " + backup.id() + " failed (" + e.getMessage()
                    + "); pull it again", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
