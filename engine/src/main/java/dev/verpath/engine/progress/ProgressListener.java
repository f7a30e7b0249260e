package dev.verpath.engine.progress;

/**
 * Told how a long phase of the engine goes: once when it starts, now and then as it advances (at most every
 * {@value ProgressMeter#INTERVAL_MILLIS} ms), once when it ends. Within one phase, {@code done} never decreases and
 * never exceeds {@code total}. Calls of one phase never overlap, but they may come from a worker thread, so an
 * implementation must not assume the thread that started the engine. The engine's one-line progress messages are
 * separate and unchanged.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(ProgressPhase phase, long total) {
        }

        @Override
        public void advanced(ProgressPhase phase, long done, long total) {
        }

        @Override
        public void ended(ProgressPhase phase, long done, long total) {
        }
    };

    /**
     * @param phase the phase starting
     * @param total how much it will do, in its {@link ProgressPhase#unit() unit} (0 when nothing)
     */
    void started(ProgressPhase phase, long total);

    /**
     * @param phase the phase
     * @param done  how much is done so far, 0 to {@code total}
     * @param total how much it will do
     */
    void advanced(ProgressPhase phase, long done, long total);

    /**
     * Called once, also when the phase failed.
     *
     * @param phase the phase ending
     * @param done  how much was done
     * @param total how much it was to do
     */
    void ended(ProgressPhase phase, long done, long total);
}
