package dev.verpath.cli;

import picocli.CommandLine.Option;

/** The {@code --from} and {@code --to} of {@code config}, {@code data} and {@code models}: both required. */
final class VersionSpan {

    @Option(names = "--from", required = true, paramLabel = "V", description = "The version the files are at.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "V", description = "The target version.")
    private String to;

    /** @return the version the files are at */
    String from() {
        return from;
    }

    /** @return the target version */
    String to() {
        return to;
    }
}
