package dev.verpath.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --path DIR} option naming the installation a command works on, as a picocli {@code @Mixin}: one
 * place for the option's name and label. Most commands need it ({@link Required}); {@code info} and
 * {@code rollback} can do without it and say in their own words what it then defaults to ({@link ForPlan},
 * {@link ForRollback}). Picocli sorts the options, so where a command declares the mixin does not change its help.
 */
final class InstallationPath {

    private static final String NAME = "--path";
    private static final String LABEL = "DIR";

    private InstallationPath() {
    }

    /** A required {@code --path}: {@code version}, {@code validate}, {@code status} and {@code backups *}. */
    static final class Required {

        @Option(names = NAME, required = true, paramLabel = LABEL, description = "The installation.")
        private Path path;

        /** @return the installation, as given */
        Path path() {
            return path;
        }
    }

    /** The optional {@code --path} of {@code info}: the plan's source version and product come from it. */
    static final class ForPlan {

        @Option(names = NAME, paramLabel = LABEL, description = "The installation (source version and product from it).")
        private Path path;

        /** @return the installation, when given */
        Optional<Path> path() {
            return Optional.ofNullable(path);
        }
    }

    /** The optional {@code --path} of {@code rollback}: a {@code --backup-path}'s manifest can name it instead. */
    static final class ForRollback {

        @Option(names = NAME, paramLabel = LABEL, description = "The installation (default with --backup-path: the one "
                + "its manifest records).")
        private Path path;

        /** @return the installation, when given */
        Optional<Path> path() {
            return Optional.ofNullable(path);
        }
    }
}
