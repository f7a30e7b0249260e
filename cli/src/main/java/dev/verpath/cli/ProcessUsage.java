package dev.verpath.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What this process has used so far, for the metrics file: CPU time, peak memory and the bytes it read and wrote.
 * On Linux from {@code /proc/self} (peak resident memory {@code VmHWM}, {@code rchar}/{@code wchar}: every byte
 * passed through read and write calls, class loading included); elsewhere the JVM's own figures, and no byte
 * counts.
 *
 * @param cpu          CPU time of every thread of the process
 * @param peakMemory   peak resident memory in bytes (else the sum of the JVM memory pools' peaks)
 * @param bytesRead    bytes read, where the system says
 * @param bytesWritten bytes written, where the system says
 */
record ProcessUsage(Duration cpu, long peakMemory, Optional<Long> bytesRead, Optional<Long> bytesWritten) {

    /** @return the usage now */
    static ProcessUsage now() {
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        Optional<Long> peak = field(Path.of("/proc/self/status"), "VmHWM:").map(kib -> kib * 1024);
        long memory = peak.orElseGet(() -> ManagementFactory.getMemoryPoolMXBeans().stream()
                .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum());
        Path io = Path.of("/proc/self/io");
        return new ProcessUsage(cpu, memory, field(io, "rchar:"), field(io, "wchar:"));
    }

    /** A number after a line's name in a {@code /proc} file ({@code VmHWM:   123 kB}). */
    private static Optional<Long> field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(name))
                    .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0])).findFirst();
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }
}
