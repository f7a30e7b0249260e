package dev.verpath.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server (s3proxy over its {@code filesystem-nio2} backend) on 127.0.0.1 and a free port, for
 * the remote backup tests: the objects lie as files under a folder the test owns, so a test can damage one. Every
 * call the server makes to its store is counted by name ({@code putBlob}, {@code uploadMultipartPart}, ...) once it
 * succeeded, so a test can tell what an upload sent; parts can be slowed down ({@link #delayParts}). Closing it stops the
 * server.
 */
public final class S3Server implements AutoCloseable {

    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "verpath-test";
    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "verpath-test-secret";
    /** The region the tests give the SDK (the server accepts any). */
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile long partDelayMillis;

    private S3Server(Path folder) throws Exception {
        java.nio.file.Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem-nio2").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
        BlobStore store = context.getBlobStore();
        BlobStore counted = (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(),
                new Class<?>[] {BlobStore.class}, (self, method, args) -> {
                    if (method.getName().equals("uploadMultipartPart") && partDelayMillis > 0) {
                        Thread.sleep(partDelayMillis);
                    }
                    try {
                        Object result = method.invoke(store, args);
                        calls.computeIfAbsent(method.getName(), n -> new AtomicInteger()).incrementAndGet();
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        proxy = S3Proxy.builder().blobStore(counted).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
    }

    /**
     * Starts a server whose buckets are folders under {@code folder}.
     *
     * @param folder where the objects are kept
     * @param bucket a bucket to create
     * @return the running server
     * @throws Exception when it cannot start
     */
    public static S3Server start(Path folder, String bucket) throws Exception {
        S3Server server = new S3Server(folder);
        server.context.getBlobStore().createContainerInLocation(null, bucket);
        return server;
    }

    /** @return the server's address, as {@code AWS_ENDPOINT_URL} takes it */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * @param method a store call such as {@code uploadMultipartPart} or {@code putBlob}
     * @return how often the server has made it since it started (or the last {@link #resetCounts})
     */
    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /**
     * Makes each part of a multipart upload take at least this long to store (counted once stored), so that a test
     * can kill an upload half-way at a known point.
     *
     * @param millis the delay; 0 for none
     */
    public void delayParts(long millis) {
        partDelayMillis = millis;
    }

    /** Forgets the calls counted so far. */
    public void resetCounts() {
        calls.clear();
    }

    /**
     * The environment a {@code migrate} subprocess gets to reach this server through the SDK's default chain.
     *
     * @return {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL}
     */
    public Map<String, String> environment() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL", endpoint().toString());
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
