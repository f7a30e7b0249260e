package dev.verpath.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HostName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How fast this machine hashed, migrated records and took backups of one installation, from its last
 * {@value #KEPT} successful runs, kept in the state folder's {@value #FILE}. Each speed is the median of the runs that
 * did enough of that work to say ({@link RateSample.Phase#bytesPerSecond}); one that no run measured is 0, and
 * {@link PlanEstimator} uses its documented default instead. The file names the machine it was measured on: copied
 * to another machine (a restored or shared installation), its runs do not count there.
 *
 * <p>The file is a hint, never a source of truth: a missing, unreadable or foreign one reads as no runs, and one that
 * cannot be written is skipped (a read-only installation still migrates). Written atomically, 0600.
 *
 * @param hashingBytesPerSecond hashing weight files
 * @param recordsBytesPerSecond migrating record files (all passes of a run over the bytes of its record files)
 * @param backupBytesPerSecond  taking the backup (bytes of the files kept, linked weights included)
 * @param overheadMillis        a run's time outside those phases, start-up included
 * @param peakMemory            a run's peak resident memory in bytes, 0 when not measured
 * @param runs                  how many runs these come from, 0 for none
 */
public record MachineRates(long hashingBytesPerSecond, long recordsBytesPerSecond, long backupBytesPerSecond,
                           long overheadMillis, long peakMemory, int runs) {

    /** The file in the installation's state folder. */
    public static final String FILE = "rates.json";

    /** How many runs are kept. */
    public static final int KEPT = 5;

    /** No run measured. */
    public static final MachineRates NONE = new MachineRates(0, 0, 0, 0, 0, 0);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "verpath-rates";

    /**
     * @param stateFolder the installation's state folder
     * @return what its runs on this machine measured; {@link #NONE} when none did
     */
    public static MachineRates of(Path stateFolder) {
        return of(samples(stateFolder.resolve(FILE)));
    }

    static MachineRates of(List<RateSample> samples) {
        if (samples.isEmpty()) {
            return NONE;
        }
        return new MachineRates(median(samples, s -> s.hashing().bytesPerSecond()),
                median(samples, s -> s.records().bytesPerSecond()), median(samples, s -> s.backup().bytesPerSecond()),
                median(samples, RateSample::overheadMillis), median(samples, RateSample::peakMemory), samples.size());
    }

    /**
     * Adds a run's sample, keeping the last {@value #KEPT}.
     *
     * @param stateFolder the installation's state folder
     * @param sample      what the run measured
     * @return whether it was written (false when the folder cannot be written: the run goes on)
     */
    public static boolean record(Path stateFolder, RateSample sample) {
        List<RateSample> samples = new ArrayList<>(samples(stateFolder.resolve(FILE)));
        samples.add(sample);
        List<RateSample> kept = samples.subList(Math.max(0, samples.size() - KEPT), samples.size());
        StringBuilder out = new StringBuilder();
        out.append(JSON.createObjectNode().put("format", FORMAT).put("version", 1).put("host", HostName.of())).append('\n');
        kept.forEach(s -> out.append(line(s)).append('\n'));
        try {
            AtomicFiles.writePrivate(stateFolder.resolve(FILE), out.toString().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return how the speeds were found, for {@code info}: the runs they come from, or none */
    public String basis() {
        return runs == 0 ? "no run measured on this machine yet: default speeds"
                : "measured by the last " + (runs == 1 ? "run" : runs + " runs") + " on this machine";
    }

    private static List<RateSample> samples(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            JsonNode head = JSON.readTree(lines.isEmpty() ? "{}" : lines.get(0));
            if (!FORMAT.equals(head.path("format").asText()) || head.path("version").asInt() != 1
                    || !HostName.of().equals(head.path("host").asText())) {
                return List.of();
            }
            List<RateSample> samples = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                JsonNode n = JSON.readTree(line);
                samples.add(new RateSample(phase(n.path("hashing")), phase(n.path("records")), phase(n.path("backup")),
                        n.path("overheadMillis").asLong(), n.path("peakMemory").asLong()));
            }
            return samples;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static RateSample.Phase phase(JsonNode n) {
        return new RateSample.Phase(n.path("bytes").asLong(), n.path("millis").asLong());
    }

    private static String line(RateSample s) {
        ObjectNode n = JSON.createObjectNode();
        put(n.putObject("hashing"), s.hashing());
        put(n.putObject("records"), s.records());
        put(n.putObject("backup"), s.backup());
        return n.put("overheadMillis", s.overheadMillis()).put("peakMemory", s.peakMemory()).toString();
    }

    private static void put(ObjectNode n, RateSample.Phase p) {
        n.put("bytes", p.bytes()).put("millis", p.millis());
    }

    /** The median of the samples that measured the value (not 0); 0 when none did. The higher of two middles. */
    private static long median(List<RateSample> samples, ToLongFunction<RateSample> value) {
        long[] values = samples.stream().mapToLong(value).filter(v -> v > 0).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }
}
