package dev.verpath.cli;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate demo}: builds a sample installation and walks it to 2.1.0 and back. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a sample serve 0.1.0 installation, show its plan, dry-run it, migrate it to 2.1.0, "
                + "validate it, show its status, roll it back and prove every byte is back.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Build the sample in DIR (new or empty) and keep it; default: a temporary folder, deleted at the end.")
    private Path keep;

    @Override
    public Integer call() throws IOException {
        Invocation invocation = Invocation.of(spec);
        Path root = keep == null ? Files.createTempDirectory("migrate-demo") : prepare(keep);
        try {
            return new DemoTour(invocation, root, keep == null ? Invocation.display(root) : Invocation.display(keep)).run();
        } finally {
            if (keep == null) {
                delete(root);
            }
        }
    }

    private static Path prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new InputFailure(ErrorCode.USAGE, dir + ": not empty; give --keep a new or empty folder");
                }
            }
        }
        return Files.createDirectories(dir);
    }

    static void delete(Path root) {
        try {
            AtomicFiles.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo folder " + root, e);
        }
    }
}
