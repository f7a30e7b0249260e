package dev.verpath.cli;

import dev.verpath.engine.files.CommitSection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * What {@code migrate} does on SIGINT (Ctrl-C) or SIGTERM: a commit or restore under way is let finish (a
 * graceful stop never leaves a half-committed tree); otherwise the running command is interrupted, so the
 * migration is cancelled and removes what it left unfinished (a backup, the staging). Either way the command
 * then exits with 128 + the signal's number (130, 143). A second signal stops the process at once.
 * {@code sun.misc.Signal} (module jdk.unsupported) is the only way a Java program handles these signals itself
 * instead of leaving them to shutdown hooks, which cannot make the running command stop cleanly.
 */
final class SignalStop {

    private static final AtomicReference<String> RECEIVED = new AtomicReference<>();

    private SignalStop() {
    }

    /**
     * Handles SIGINT and SIGTERM for the given thread (the one running the command).
     *
     * @param command the thread to interrupt
     */
    static void install(Thread command) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!RECEIVED.compareAndSet(null, "SIG" + signal.getName())) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    if (!CommitSection.active()) {
                        command.interrupt();
                    }
                });
            } catch (IllegalArgumentException unsupported) {
                // a platform without the signal: its default stays
            }
        }
    }

    /** @return the signal that asked the command to stop ({@code SIGINT}, {@code SIGTERM}), when one did */
    static Optional<String> received() {
        return Optional.ofNullable(RECEIVED.get());
    }

    /**
     * The exit code after a signal.
     *
     * @param signal {@code SIGINT} or {@code SIGTERM}
     * @return 130 or 143
     */
    static int exitCode(String signal) {
        return signal.equals("SIGINT") ? 130 : 143;
    }
}
