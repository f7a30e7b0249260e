package dev.verpath.engine.files;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write points of a migration, for crash tests in the manner of SQLite's: every durable change the
 * engine makes (a rename, a delete, a link, a journal or history write) first passes {@link #reached}. A test
 * arms the N-th point; the engine then stops there with {@link SimulatedCrash} as if the process had died,
 * and the test checks that recovery leaves the installation as before or as after, never mixed. Disarmed (the
 * default) a point costs one volatile read.
 *
 * <p>For race tests run through the real command line, {@link #pause} marks a moment (the lock taken, the
 * journal read) that the system property {@code verpath.test.pause=<text>:<millis>} (given to the launcher in
 * {@code MIGRATE_JAVA_OPTS}, which the launcher splits at spaces: moments are named without them, as {@code
 * journal-written}) stretches: the engine sleeps there when the moment's name contains the text.
 * Unset, a pause costs one field read. Likewise {@code verpath.test.fail=<text>} makes the first write point whose
 * name contains the text fail once, as a failing system call would (an {@link java.io.UncheckedIOException}).
 */
public final class CrashPoints {

    private static volatile int armedAt;
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final java.util.List<String> NAMES = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private static final String PAUSE = System.getProperty("verpath.test.pause", "");
    private static final String FAIL = System.getProperty("verpath.test.fail", "");
    private static final java.util.concurrent.atomic.AtomicBoolean FAILED = new java.util.concurrent.atomic.AtomicBoolean();

    private CrashPoints() {
    }

    /**
     * Marks a moment a race test may stretch (see the class comment); never counted as a write point.
     *
     * @param what the moment, for example {@code "lock taken"}
     */
    public static void pause(String what) {
        if (PAUSE.isEmpty()) {
            return;
        }
        int colon = PAUSE.lastIndexOf(':');
        if (colon > 0 && what.contains(PAUSE.substring(0, colon))) {
            try {
                Thread.sleep(Long.parseLong(PAUSE.substring(colon + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (NumberFormatException e) {
                // a malformed hook is ignored: it is for tests only
            }
        }
    }

    /**
     * Marks a write point.
     *
     * @param what the write about to happen, for the test's message
     */
    public static void reached(String what) {
        if (!FAIL.isEmpty() && what.contains(FAIL) && FAILED.compareAndSet(false, true)) {
            throw new java.io.UncheckedIOException(new java.io.IOException("simulated failure before " + what));
        }
        if (armedAt == 0) {
            return;
        }
        NAMES.add(what);
        if (PASSED.incrementAndGet() == armedAt) {
            throw new SimulatedCrash("simulated crash before " + what);
        }
    }

    /**
     * Counts write points from now on and crashes at the given one.
     *
     * @param point the 1-based point to crash at; {@link Integer#MAX_VALUE} only counts
     */
    public static void arm(int point) {
        PASSED.set(0);
        NAMES.clear();
        armedAt = point;
    }

    /**
     * Stops counting.
     *
     * @return how many points were passed since {@link #arm}
     */
    public static int disarm() {
        armedAt = 0;
        return PASSED.get();
    }

    /** @return the points passed since {@link #arm}, in order, by what they were about to write */
    public static java.util.List<String> passed() {
        return java.util.List.copyOf(NAMES);
    }

    /** The engine stopping as a killed process would; an Error so that no catch of the engine handles it. */
    public static final class SimulatedCrash extends Error {

        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }
}
