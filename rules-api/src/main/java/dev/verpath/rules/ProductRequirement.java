package dev.verpath.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a product needs of the machine its installation is migrated on: installed or free memory, free disk
 * beside what the run itself needs, or a command on the {@code PATH}. {@code migrate info} shows each with whether this
 * machine meets it, and a migration that does not meet one is refused before anything is changed (exit 1, naming the requirement,
 * what was found and the product's reason). Declared by the rule set that declares the product.
 *
 * <pre>{@code
 * ProductRequirement.memory("gateway", 8_000_000_000L, "the 2.x server is sized for 8 GB of memory")
 * ProductRequirement.freeMemory("gateway", 2L << 30, "the 2.x index is built in memory on first start")
 * ProductRequirement.command("gateway", "zstd", "the 3.0 data step hands archives to zstd")
 * }</pre>
 *
 * @param product the product
 * @param kind    what is needed
 * @param amount  bytes, for {@link Kind#MEMORY}, {@link Kind#FREE_MEMORY} and {@link Kind#FREE_DISK}; 0 for a command
 * @param command the command's name (found on the {@code PATH}) or absolute path, for {@link Kind#COMMAND}; empty
 *                otherwise
 * @param reason  why the product needs it, one sentence
 * @since 2.4.0
 */
public record ProductRequirement(String product, Kind kind, long amount, String command, String reason) {

    private static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9._+/-]+");

    /** What a product needs. */
    public enum Kind {
        /** Memory installed in the machine (Linux: {@code MemTotal}), at least {@link #amount} bytes. */
        MEMORY,
        /** Memory available on the machine (Linux: {@code MemAvailable}), at least {@link #amount} bytes. */
        FREE_MEMORY,
        /** Free space on the installation's file system beyond what the run itself needs, at least {@link #amount}. */
        FREE_DISK,
        /** A command the product's steps or service run, on the {@code PATH} or at an absolute path. */
        COMMAND
    }

    /** Checks that nothing is null or blank and that the amount or command fits the kind. */
    public ProductRequirement {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(command, "command");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a requirement of " + product + " needs a reason");
        }
        if (kind == Kind.COMMAND ? !COMMAND.matcher(command).matches() || amount != 0 : amount <= 0 || !command.isEmpty()) {
            throw new IllegalArgumentException("requirement of " + product + ": " + (kind == Kind.COMMAND
                    ? "give a command name or an absolute path, and no amount" : "give a positive number of bytes"));
        }
    }

    /**
     * @param product the product
     * @param bytes   memory the machine must have installed (a guide's "8 GB" is {@code 8_000_000_000L}: a machine sold
     *                with 8 GB shows a little less than 8 GiB to the system)
     * @param reason  why
     * @return the requirement
     */
    public static ProductRequirement memory(String product, long bytes, String reason) {
        return new ProductRequirement(product, Kind.MEMORY, bytes, "", reason);
    }

    /**
     * @param product the product
     * @param bytes   memory the machine must have available
     * @param reason  why
     * @return the requirement
     */
    public static ProductRequirement freeMemory(String product, long bytes, String reason) {
        return new ProductRequirement(product, Kind.FREE_MEMORY, bytes, "", reason);
    }

    /**
     * @param product the product
     * @param bytes   free space the installation's file system must keep beyond the run's own needs
     * @param reason  why
     * @return the requirement
     */
    public static ProductRequirement freeDisk(String product, long bytes, String reason) {
        return new ProductRequirement(product, Kind.FREE_DISK, bytes, "", reason);
    }

    /**
     * @param product the product
     * @param command a command name looked up on the {@code PATH}, or an absolute path
     * @param reason  why
     * @return the requirement
     */
    public static ProductRequirement command(String product, String command, String reason) {
        return new ProductRequirement(product, Kind.COMMAND, 0, command, reason);
    }
}
