package dev.verpath.engine.remote;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where backups are pushed: {@code s3://BUCKET/PREFIX} (an S3-compatible object store), or {@code file:///FOLDER}
 * or an absolute folder (a mounted share). Immutable.
 *
 * @param text   the URL as given, for messages
 * @param bucket the bucket, for {@code s3://}; empty for a folder
 * @param prefix the key prefix inside the bucket, without leading or trailing slashes (may be empty)
 * @param folder the folder, for a folder remote
 */
public record RemoteUrl(String text, Optional<String> bucket, String prefix, Optional<Path> folder) {

    /**
     * @param text {@code s3://BUCKET/PREFIX}, {@code file:///FOLDER} or {@code /FOLDER}
     * @return the remote it names
     * @throws dev.verpath.rules.MigrationException with {@link ErrorCode#USAGE} for anything else
     */
    public static RemoteUrl parse(String text) {
        String given = text.strip();
        if (given.startsWith("s3://")) {
            String rest = given.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
            if (bucket.isEmpty() || prefix.contains("//")) {
                throw refused(given, "the bucket is missing or the prefix has an empty part");
            }
            return new RemoteUrl(given, Optional.of(bucket), prefix, Optional.empty());
        }
        if (given.startsWith("file:")) {
            try {
                return new RemoteUrl(given, Optional.empty(), "", Optional.of(Path.of(new URI(given)).normalize()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw refused(given, "not a file URL (" + e.getMessage() + ")");
            }
        }
        if (given.startsWith("/")) {
            return new RemoteUrl(given, Optional.empty(), "", Optional.of(Path.of(given).normalize()));
        }
        throw refused(given, "unknown kind of remote");
    }

    /** @return whether this is an object store ({@code s3://}) */
    public boolean s3() {
        return bucket.isPresent();
    }

    /**
     * @param key a key below the remote
     * @return where the key lies, as a URL, for messages
     */
    public String where(String key) {
        return bucket.map(b -> "s3://" + b + "/" + (prefix.isEmpty() ? "" : prefix + "/") + key).orElseGet(() -> folder.orElseThrow().resolve(key).toString());
    }

    private static String trimSlashes(String prefix) {
        String p = prefix;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static InputFailure refused(String given, String why) {
        return new InputFailure(ErrorCode.USAGE, "remote '" + given + "': " + why + "; give s3://BUCKET/PREFIX,"
                + " file:///FOLDER or an absolute folder");
    }
}
