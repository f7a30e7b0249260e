package dev.verpath.engine.records;

import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The outputs of one record pass kept from earlier runs, file by file: where the pipeline looks before it migrates a
 * file, and where it keeps what it migrated. An implementation answers only with an output computed from the same
 * bytes by the same rules, checks, flags and settings; keeping is an optimisation, so nothing it does may fail the
 * run. One pass, one thread.
 */
public interface KeptOutputs {

    /** Keeps nothing and finds nothing. */
    KeptOutputs NONE = new KeptOutputs() {
        @Override
        public Optional<Kept> find(Workspace workspace, String path) {
            return Optional.empty();
        }

        @Override
        public Keeping keep(String path) {
            return Keeping.NONE;
        }
    };

    /**
     * @param workspace the installation as the pass sees it
     * @param path      a record file the pass is about to migrate
     * @return its output as an earlier run of the same pass wrote it from the same bytes, when one is kept
     * @throws IOException when the file cannot be read
     */
    Optional<Kept> find(Workspace workspace, String path) throws IOException;

    /**
     * @param path a record file the pass is about to migrate (having found nothing kept)
     * @return where its migration is kept as it goes; {@link Keeping#NONE} when it is not kept
     */
    Keeping keep(String path);

    /** An output kept from an earlier run. */
    interface Kept {

        /** @return what the file's migration reported besides its bytes */
        FileOutcome outcome();

        /**
         * Writes the kept bytes, checking them on the way.
         *
         * @param out where the file's new content goes
         * @throws Damaged when the kept bytes are not those that were kept (the caller migrates the file instead)
         * @throws IOException when reading or writing fails
         */
        void copyTo(OutputStream out) throws IOException;

        /** Forgets this output (it was found damaged). */
        void discard();
    }

    /** A kept output whose bytes are not those that were kept: a miss, never a wrong output. */
    final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param what which entry, and what was wrong */
        public Damaged(String what) {
            super(what);
        }
    }

    /** A file's migration being kept: its input and output pass through, then it is kept or abandoned. */
    interface Keeping {

        /** Keeps nothing. */
        Keeping NONE = new Keeping() {
            @Override
            public InputStream reading(InputStream in) {
                return in;
            }

            @Override
            public OutputStream writing(OutputStream out) {
                return out;
            }

            @Override
            public void kept(FileOutcome outcome) {
                // nothing kept
            }

            @Override
            public void abandon() {
                // nothing kept
            }
        };

        /**
         * @param in the file's bytes as the pass reads them
         * @return the same bytes, seen on their way (their SHA-256 names the output)
         */
        InputStream reading(InputStream in);

        /**
         * @param out where the migrated file goes
         * @return a stream writing there and keeping a copy
         */
        OutputStream writing(OutputStream out);

        /**
         * The file was migrated whole: keeps its output.
         *
         * @param outcome what its migration reported
         */
        void kept(FileOutcome outcome);

        /** The file's migration failed or was not finished: keeps nothing. Harmless after {@link #kept}. */
        void abandon();

        /**
         * @return whether the bytes {@link #reading} sees are hashed, and the hash remembered in the run's hash cache
         *         when the file was read whole and did not change meanwhile
         */
        default boolean remembersInputHash() {
            return false;
        }
    }
}
