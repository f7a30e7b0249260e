package dev.verpath.engine.failure;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Another migration holds the installation's lock: the environment's, wait for it. Carries the lock file and the
 * holder's process id when the lock file names it. {@link ErrorCode#LOCKED}. Immutable.
 */
public final class LockHeldFailure extends EnvironmentFailure {

    private static final long serialVersionUID = 1L;

    private final String lockFile;
    private final Long holderPid;

    /**
     * @param message  one line: who holds it and what to do
     * @param lockFile the lock file
     * @param holder   what the lock file says of its holder ({@code pid 123 since ...}), may be empty
     */
    public LockHeldFailure(String message, Path lockFile, String holder) {
        super(ErrorCode.LOCKED, message, null);
        this.lockFile = Objects.requireNonNull(lockFile, "lockFile").toString();
        this.holderPid = pidIn(holder);
    }

    private static Long pidIn(String holder) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bpid (\\d+)").matcher(holder);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** @return the lock file */
    public Path lockFile() {
        return Path.of(lockFile);
    }

    /** @return the holder's process id, when the lock file names it */
    public Optional<Long> holderPid() {
        return Optional.ofNullable(holderPid);
    }
}
