package dev.verpath.engine.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as the kernel has it (no DNS lookup). Stateless. */
public final class HostName {

    private static final Path KERNEL = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** @return the machine's name; {@code unknown} when the kernel does not say */
    public static String of() {
        try {
            return Files.readString(KERNEL, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
