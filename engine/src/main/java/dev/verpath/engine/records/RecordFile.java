package dev.verpath.engine.records;

import dev.verpath.rules.RecordLine;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a record file the way the record pipeline does, for validation: one {@link RecordLine} per line that is not
 * blank, a record or the problem migration would name. Stateless.
 */
public final class RecordFile {

    private RecordFile() {
    }

    private record Line(long line, Optional<RecordReader> record, Optional<String> problem) implements RecordLine {
    }

    /**
     * @param in             the file's bytes
     * @param maxRecordBytes the longest line read whole; a longer one is the last line given
     * @param each           receives every line that is not blank
     * @throws IOException when reading fails
     */
    public static void read(InputStream in, long maxRecordBytes, Consumer<RecordLine> each) throws IOException {
        LineReader lines = new LineReader(in, true, maxRecordBytes);
        long number = 0;
        while (true) {
            try {
                if (!lines.next()) {
                    return;
                }
            } catch (LineTooLongException e) {
                each.accept(new Line(number + 1, Optional.empty(), Optional.of("the record is longer than [data_migration]"
                        + " max_record_bytes (" + maxRecordBytes + " bytes), so it was not read, nor the rest of the file")));
                return;
            }
            number++;
            if (lines.isBlank()) {
                continue;
            }
            try {
                each.accept(new Line(number, Optional.of(LazyRecord.parse(lines.buffer(), lines.start(), lines.length())),
                        Optional.empty()));
            } catch (RecordSyntax.NotAnObjectException e) {
                each.accept(new Line(number, Optional.empty(), Optional.of("not a JSON object: " + e.getMessage())));
            }
        }
    }

    /**
     * @param workspace the installation
     * @param paths     files in it
     * @return their sizes added up
     * @throws IOException when one cannot be read
     */
    public static long totalSize(Workspace workspace, java.util.Collection<String> paths) throws IOException {
        long total = 0;
        for (String path : paths) {
            total += workspace.size(path);
        }
        return total;
    }
}
