package dev.verpath.engine.workspace;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.rules.WriteAction;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;

/**
 * The folder a shadow run writes new content to: one numbered private file per write. In a real run the staged files
 * the commit will rename into place are fsynced before the journal is begun ({@link #sync}); a staged file that a
 * later write to the same path replaces (the {@code VERSION} of every step but the last) is deleted unsynced. The
 * folder is made on the first write only. Not thread-safe.
 */
final class StagingArea {

    private final Path folder;
    private final boolean durable;
    private int staged;
    private boolean folderMade;

    /**
     * @param folder  where new content is staged (created when needed)
     * @param durable whether staged files are fsynced before the commit (a real run) or not (a dry run)
     */
    StagingArea(Path folder, boolean durable) {
        this.folder = folder;
        this.durable = durable;
    }

    /** @return the folder staged files are written to */
    Path folder() {
        return folder;
    }

    /**
     * Writes a rule's output to a new staged file; a write that fails leaves no file behind.
     *
     * @param shownAs how the user knows the file being migrated, for the message of a full disk
     * @param action  what writes the bytes
     * @return the staged file
     * @throws IOException when the bytes cannot be written
     */
    Path write(String shownAs, WriteAction action) throws IOException {
        if (!folderMade) {
            PrivateFiles.createFolders(folder);
            folderMade = true;
        }
        Path file = folder.resolve(String.format("w%06d.tmp", ++staged));
        boolean done = false;
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PrivateFiles.fileMode(file))) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            action.writeTo(new NonClosingOutputStream(out));
            out.flush();
            done = true;
        } catch (IOException e) {
            if (AtomicFiles.outOfSpace(e)) {
                // named as the user knows the file, with where its migrated copy was being written
                throw new IOException(shownAs + ": no space left to write its migrated copy in " + folder, e);
            }
            throw e;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
        return file;
    }

    /**
     * Makes staged files durable (fsync), in a real run; nothing in a dry run.
     *
     * @param files the staged files the commit will rename into place
     * @return how many files were synced
     * @throws IOException when one cannot be synced
     */
    int sync(Collection<Path> files) throws IOException {
        if (!durable) {
            return 0;
        }
        for (Path file : files) {
            AtomicFiles.fsync(file);
        }
        return files.size();
    }

    /** An output stream that ignores close, so a rule cannot close the engine's stream early. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
