package dev.verpath.engine.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A size Linux reports in a {@code /proc} file, a line a figure in kB ({@code MemTotal:  16318412 kB} of
 * {@code /proc/meminfo}, {@code VmHWM:  123 kB} of {@code /proc/self/status}). Stateless.
 */
final class ProcField {

    private ProcField() {
    }

    /**
     * @param file  the {@code /proc} file
     * @param field the line's name, with its colon
     * @return the size in bytes, when the file says it
     */
    static OptionalLong bytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
