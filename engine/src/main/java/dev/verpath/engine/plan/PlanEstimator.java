package dev.verpath.engine.plan;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.files.Glob;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Estimates what a plan costs on one installation, from the sizes of the files its rules name and the speeds this
 * machine measured on earlier runs of the installation ({@link MachineRates}), or the documented defaults where no run
 * measured one. Stateless and thread-safe; the same plan on the same files and rates gives the same estimate.
 *
 * <p>The installation is walked once (its {@code .migrate/} folder skipped, symbolic links not followed);
 * a file belongs to a rule when one of the rule's {@code paths} globs matches its relative path. Then:
 * <ul>
 *   <li>data files are read and written once per run, however many steps touch them (record rules of
 *       every step are fused into one pass);</li>
 *   <li>model files the model rules name are read once (hashed), and so is every weight file of the product when
 *       the run takes a backup (its manifest records their hashes); of model files only metadata (files of at most {@link #METADATA_LIMIT}
 *       bytes) is written, once per step with model rules;</li>
 *   <li>config files are read and written once per step with config rules;</li>
 *   <li>the backup is taken to be a full copy of every file outside {@code .migrate/} (conservative);</li>
 *   <li>the disk needed is the backup plus the data bytes written;</li>
 *   <li>the time is the measured overhead of a run (start-up, planning, checks, the commit), then data, config and
 *       metadata bytes at the measured record speed, hashed bytes at the measured hashing speed and backup bytes at
 *       the measured backup speed, each rounded up to the millisecond; a speed no run measured is the default
 *       ({@link #RECORDS_BYTES_PER_SECOND}, {@link #HASH_BYTES_PER_SECOND}, {@link #COPY_BYTES_PER_SECOND}), an
 *       overhead no run measured is 0;</li>
 *   <li>the peak memory is the measured one, when a run measured it.</li>
 * </ul>
 * A plan without steps costs nothing. O(F·G) for F files and G globs of the plan's rules.
 */
public final class PlanEstimator {

    /** Records are read, transformed and written at 150 MB/s. */
    public static final long RECORDS_BYTES_PER_SECOND = 150_000_000L;

    /** Files are hashed at 400 MB/s. */
    public static final long HASH_BYTES_PER_SECOND = 400_000_000L;

    /** The backup copies at 300 MB/s. */
    public static final long COPY_BYTES_PER_SECOND = 300_000_000L;

    /** Model files of at most 1 MiB count as metadata that model rules rewrite. */
    public static final long METADATA_LIMIT = 1L << 20;

    private final MachineRates rates;
    private final ProductFiles files;
    private final boolean backup;

    /** An estimator with the documented rates, knowing no product's weight files. */
    public PlanEstimator() {
        this(MachineRates.NONE, ProductFiles.NONE, false);
    }

    /**
     * @param rates  what earlier runs on this machine measured ({@link MachineRates#NONE} for the defaults)
     * @param files  the roles of the product's files (which are weights)
     * @param backup whether the run takes a backup (then every weight file is hashed)
     */
    public PlanEstimator(MachineRates rates, ProductFiles files, boolean backup) {
        this.rates = rates;
        this.files = files;
        this.backup = backup;
    }

    /**
     * Estimates the plan on the installation.
     *
     * @param plan the plan
     * @param root the installation's root folder
     * @return the estimate
     * @throws MigrationException with {@link ErrorCode#IO_FAILED} when the installation cannot be walked
     */
    public PlanEstimate estimate(MigrationPlan plan, Path root) {
        OptionalLong free = usableSpace(root);
        if (plan.steps().isEmpty()) {
            return new PlanEstimate(0, 0, 0, 0, free, Duration.ZERO, OptionalLong.empty(), rates.basis());
        }
        SortedMap<String, Long> files = walk(root);
        long backup = files.values().stream().mapToLong(Long::longValue).sum();
        long data = matchedBytes(files, plan.steps().stream().flatMap(s -> s.rules(RuleKind.DATA).stream()).toList(), false);
        // hashed: what the model rules name, and every weight file when the backup's manifest records their hashes
        long models = matchedBytes(files, plan.steps().stream().flatMap(s -> s.rules(RuleKind.MODEL).stream()).toList(),
                false, path -> this.backup && this.files.isWeight(path));
        long config = 0;
        long metadata = 0;
        for (PlanStep step : plan.steps()) {
            config += matchedBytes(files, step.rules(RuleKind.CONFIG), false);
            metadata += matchedBytes(files, step.rules(RuleKind.MODEL), true);
        }
        long read = data + models + config;
        long written = data + config + metadata; // as bytesWritten counts them
        long millis = rates.overheadMillis()
                + millis(data + config + metadata, or(rates.recordsBytesPerSecond(), RECORDS_BYTES_PER_SECOND))
                + millis(models, or(rates.hashingBytesPerSecond(), HASH_BYTES_PER_SECOND))
                + millis(backup, or(rates.backupBytesPerSecond(), COPY_BYTES_PER_SECOND));
        return new PlanEstimate(read, written, backup, backup + data, free, Duration.ofMillis(millis),
                rates.peakMemory() > 0 ? OptionalLong.of(rates.peakMemory()) : OptionalLong.empty(), rates.basis());
    }

    /**
     * The bytes a run of the plan writes before its commit (staged, on the installation's disk): data files once,
     * config files once per step with config rules, model metadata once per step with model rules. The same
     * figure {@link #estimate} reports as bytes to write.
     *
     * @param plan  the plan
     * @param files the installation's files and their sizes, by relative path
     * @return the bytes
     */
    public static long bytesWritten(MigrationPlan plan, Map<String, Long> files) {
        long data = matchedBytes(files, plan.steps().stream().flatMap(s -> s.rules(RuleKind.DATA).stream()).toList(), false);
        long config = 0;
        long metadata = 0;
        for (PlanStep step : plan.steps()) {
            config += matchedBytes(files, step.rules(RuleKind.CONFIG), false);
            metadata += matchedBytes(files, step.rules(RuleKind.MODEL), true);
        }
        return data + config + metadata;
    }

    private static long or(long measured, long otherwise) {
        return measured > 0 ? measured : otherwise;
    }

    private static long matchedBytes(Map<String, Long> files, List<MigrationRule> rules, boolean metadataOnly) {
        return matchedBytes(files, rules, metadataOnly, path -> false);
    }

    /** The bytes of the files the rules' globs match (of at most {@link #METADATA_LIMIT} each when asked), or also does. */
    private static long matchedBytes(Map<String, Long> files, List<MigrationRule> rules, boolean metadataOnly,
                                     Predicate<String> also) {
        List<Glob> globs = rules.stream().flatMap(r -> r.descriptor().paths().stream()).distinct().map(Glob::of).toList();
        long sum = 0;
        for (Map.Entry<String, Long> file : files.entrySet()) {
            boolean counted = !metadataOnly || file.getValue() <= METADATA_LIMIT;
            if (counted && (also.test(file.getKey()) || globs.stream().anyMatch(g -> g.matches(file.getKey())))) {
                sum += file.getValue();
            }
        }
        return sum;
    }

    private static SortedMap<String, Long> walk(Path root) {
        SortedMap<String, Long> files = new TreeMap<>();
        Path state = root.resolve(".migrate");
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(state) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(relative(root, file), attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new EnvironmentFailure("cannot list the installation " + root + ": " + e.getMessage()
                    + "; check that the folder exists and is readable", e);
        }
        return files;
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder out = new StringBuilder();
        for (Path part : rel) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static OptionalLong usableSpace(Path root) {
        try {
            return OptionalLong.of(Files.getFileStore(root).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static long millis(long bytes, long bytesPerSecond) {
        return Math.floorDiv(Math.multiplyExact(bytes, 1000L) + bytesPerSecond - 1, bytesPerSecond);
    }
}
