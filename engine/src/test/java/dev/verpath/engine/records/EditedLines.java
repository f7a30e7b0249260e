package dev.verpath.engine.records;

import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RuleReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Record edits applied to real lines, as a step applies them: line 7 of data/a.jsonl, 1.0.0 to 2.0.0; the warnings
 * the edits report are kept in order. One per test.
 */
final class EditedLines {

    private final List<String> warnings = new ArrayList<>();

    private final RecordContext context = new RecordContext() {
        @Override
        public String path() {
            return "data/a.jsonl";
        }

        @Override
        public long line() {
            return 7;
        }

        @Override
        public String product() {
            return "p";
        }

        @Override
        public Optional<String> flag(String name) {
            return Optional.empty();
        }

        @Override
        public String fromVersion() {
            return "1.0.0";
        }

        @Override
        public String toVersion() {
            return "2.0.0";
        }

        @Override
        public boolean lossyAllowed() {
            return false;
        }

        @Override
        public RuleReport report() {
            return new RuleReport() {
                @Override
                public void warn(String path, String message) {
                    warnings.add(path + ": " + message);
                }

                @Override
                public void count(String counter, long delta) {
                }
            };
        }
    };

    /** @return the warnings reported so far, each as "path: message" */
    List<String> warnings() {
        return warnings;
    }

    /** Indexes a line that sits between other bytes of its buffer, as lines of a read chunk do. */
    static LazyRecord record(String line) throws IOException {
        byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        return LazyRecord.parse(bytes, 2, bytes.length - 4);
    }

    /** @return the line as written after the edits, in order */
    String edited(String line, RecordEdit... edits) throws IOException {
        LazyRecord record = record(line);
        for (RecordEdit edit : edits) {
            RecordEditor.apply(edit, record, context);
        }
        return written(record);
    }

    /** Applies edits to a record, in order. */
    void apply(LazyRecord record, List<RecordEdit> edits) {
        for (RecordEdit edit : edits) {
            RecordEditor.apply(edit, record, context);
        }
    }

    /** @return the record as written */
    static String written(LazyRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
