package dev.verpath.engine.plan;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.ProductRequirement;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What a product needs of the machine ({@link ProductRequirement}: free memory, free disk beyond the run's own needs,
 * commands), checked on this machine. {@code info} shows every result; a run refuses before it changes anything when
 * one is not met. One that cannot be checked here (no {@code /proc/meminfo}, a file system that does not say its free
 * space) is shown as unknown and does not stop a run: these are resources, not the data's safety. Stateless.
 */
public final class MachineRequirements {

    /** Where Linux says how much memory is available. */
    static final Path MEMINFO = Path.of("/proc/meminfo");

    /**
     * One requirement checked.
     *
     * @param requirement what the product needs
     * @param origin      the rule source that declares it
     * @param status      whether this machine meets it
     * @param found       what was found: {@code 10.2 GiB available}, {@code /usr/bin/zstd}, {@code not on the PATH}
     */
    public record Result(ProductRequirement requirement, String origin, Status status, String found) {

        /** @return the requirement, the product's reason and what was found, for a line of {@code info} */
        public String describe() {
            return what(requirement) + " (" + requirement.reason() + "): " + status.text + ", " + found;
        }
    }

    /** Whether a requirement is met. */
    public enum Status {
        /** The machine has it. */
        MET("met"),
        /** The machine lacks it: a run is refused. */
        NOT_MET("not met"),
        /** This machine does not say: shown, not enforced. */
        UNKNOWN("unknown");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** @return the status in output ({@code not-met} in JSON) */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private MachineRequirements() {
    }

    /**
     * @param registry the loaded rule sets
     * @param product  the product
     * @return its requirements, in the order the rule sets declare them, each with the source that declares it
     */
    public static List<LoadedRequirement> of(RuleRegistry registry, String product) {
        List<LoadedRequirement> found = new ArrayList<>();
        for (LoadedRuleSet set : registry.ruleSets()) {
            set.ruleSet().requirements().stream().filter(r -> r.product().equals(product))
                    .forEach(r -> found.add(new LoadedRequirement(r, set.origin())));
        }
        return List.copyOf(found);
    }

    /**
     * A requirement and the rule source that declares it.
     *
     * @param requirement the requirement
     * @param origin      its source: {@code built-in} or the plugin file
     */
    public record LoadedRequirement(ProductRequirement requirement, String origin) {
    }

    /**
     * @param requirements the product's requirements
     * @param disk         a folder on the installation's file system
     * @param runNeeds     bytes the run itself will write there (0 for none)
     * @return each checked on this machine
     */
    public static List<Result> check(List<LoadedRequirement> requirements, Path disk, long runNeeds) {
        return requirements.stream().map(r -> check(r, disk, runNeeds)).toList();
    }

    /**
     * Refuses a run that a requirement is not met for, naming each.
     *
     * @param results the checked requirements
     * @param product the product
     * @throws MigrationException an environment failure (exit 1) naming what is missing, when one is not met
     */
    public static void refuseUnmet(List<Result> results, String product) {
        List<Result> unmet = results.stream().filter(r -> r.status() == Status.NOT_MET).toList();
        if (!unmet.isEmpty()) {
            throw new EnvironmentFailure(product + " needs what this machine lacks: " + unmet.stream().map(Result::describe)
                    .collect(Collectors.joining("; ")) + "; free memory or disk, or install the command, and run again;"
                    + " the installation is unchanged");
        }
    }

    private static Result check(LoadedRequirement loaded, Path disk, long runNeeds) {
        ProductRequirement r = loaded.requirement();
        return switch (r.kind()) {
            case MEMORY -> amount(loaded, memory("MemTotal:"), 0, "installed");
            case FREE_MEMORY -> amount(loaded, memory("MemAvailable:"), 0, "available");
            case FREE_DISK -> amount(loaded, usableSpace(disk), runNeeds, runNeeds > 0 ? "free beyond the run's "
                    + size(runNeeds) + " on the disk of " + disk : "free on the disk of " + disk);
            case COMMAND -> command(r.command()).map(p -> new Result(r, loaded.origin(), Status.MET, p.toString()))
                    .orElseGet(() -> new Result(r, loaded.origin(), Status.NOT_MET, r.command().contains("/")
                            ? "no executable file there" : "not on the PATH"));
        };
    }

    private static Result amount(LoadedRequirement loaded, OptionalLong have, long taken, String what) {
        if (have.isEmpty()) {
            return new Result(loaded.requirement(), loaded.origin(), Status.UNKNOWN, "this machine does not say what is "
                    + what.split(" ")[0]);
        }
        long left = Math.max(0, have.getAsLong() - taken);
        return new Result(loaded.requirement(), loaded.origin(), left >= loaded.requirement().amount() ? Status.MET
                : Status.NOT_MET, size(left) + " " + what);
    }

    /**
     * @param field {@code MemTotal:} (installed) or {@code MemAvailable:} (available without swapping)
     * @return the memory Linux says, when it says
     */
    static OptionalLong memory(String field) {
        return ProcField.bytes(MEMINFO, field);
    }

    private static OptionalLong usableSpace(Path disk) {
        try {
            Path existing = disk;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? OptionalLong.empty() : OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** @return the executable a command names: an absolute path as is, a name looked up on the PATH */
    static Optional<Path> command(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String search = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String folder : search.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder).resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String what(ProductRequirement r) {
        return switch (r.kind()) {
            case MEMORY -> "memory " + size(r.amount());
            case FREE_MEMORY -> "free memory " + size(r.amount());
            case FREE_DISK -> "free disk " + size(r.amount());
            case COMMAND -> "command " + r.command();
        };
    }

    /** @return bytes in binary units with one decimal: {@code 2.0 GiB} */
    static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
