package dev.verpath.engine.remote;

import dev.verpath.engine.backup.ToyBackup;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.testsupport.S3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the remote tests share: a client of the in-process S3 server with the test's own credentials (the production
 * code reads the SDK's default chain), remotes over it with small parts, a toy installation with a weight of several
 * parts, and a store that cuts an upload off after some parts as a killed process would.
 */
final class RemoteFixture {

    /** The part size of the tests' uploads: S3 takes 5 MiB at least; a weight of {@link #WEIGHT_BYTES} is three parts. */
    static final int PART = 5 << 20;
    static final int WEIGHT_BYTES = 3 * PART - 1000;

    private RemoteFixture() {
    }

    static S3Client client(S3Server server) {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(server.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY,
                        S3Server.SECRET_KEY))).region(Region.of(S3Server.REGION)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    static BackupRemote s3(S3Server server, String prefix) {
        RemoteUrl url = RemoteUrl.parse("s3://backups/" + prefix);
        return new BackupRemote(new S3Remote(client(server), url, PART), url, ProgressListener.NONE);
    }

    static BackupRemote folder(Path folder) {
        RemoteUrl url = RemoteUrl.parse(folder.toUri().toString());
        return new BackupRemote(new FolderRemote(folder, PART), url, ProgressListener.NONE);
    }

    /** A toy installation with a weight of three parts (and the toy's small one), migrated once. */
    static ToyBackup toy(Path root) throws IOException {
        byte[] weight = new byte[WEIGHT_BYTES];
        new Random(31).nextBytes(weight);
        return ToyBackup.migrated(root, EngineSettings.defaults(), Map.of("models/m2/big.safetensors", weight));
    }

    /** Rolls the toy back and migrates it again: a second backup of the same weights. */
    static Path secondBackup(ToyBackup toy) {
        toy.rollback();
        toy.engine.migrate(new RunRequest(Scope.VERSION, toy.root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"),
                false, false, true, false), line -> { });
        var all = toy.engine.backups(toy.root);
        return all.get(all.size() - 1).folder();
    }

    /** The key of the big weight's object. */
    static String bigWeightKey(Path root) throws IOException {
        return RemoteLayout.weight(dev.verpath.engine.files.HashCache.hash(root.resolve("models/m2/big.safetensors")));
    }

    /** A store whose uploads stop, as a killed process, once {@code parts} whole parts of a multipart upload are sent. */
    static RemoteStore cutAfter(RemoteStore store, int parts) {
        return new RemoteStore() {
            private int sentParts;

            @Override
            public Optional<Long> size(String key) throws IOException {
                return store.size(key);
            }

            @Override
            public void upload(String key, Path file, String sha256, LongConsumer sent) throws IOException {
                store.upload(key, file, sha256, n -> {
                    sent.accept(n);
                    if (n == PART && ++sentParts == parts) {
                        throw new IllegalStateException("cut off after " + parts + " parts");
                    }
                });
            }

            @Override
            public void put(String key, byte[] bytes) throws IOException {
                store.put(key, bytes);
            }

            @Override
            public java.io.InputStream open(String key) throws IOException {
                return store.open(key);
            }

            @Override
            public java.util.List<String> keys(String prefix) throws IOException {
                return store.keys(prefix);
            }

            @Override
            public void delete(String key) throws IOException {
                store.delete(key);
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    static long size(Path file) throws IOException {
        return Files.size(file);
    }
}
