package dev.verpath.cli;

import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate backups verify}: not offered by the engine yet; says so and exits 2. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify every backup against its checksums. (Not available yet.)")
final class BackupsVerifyCommand implements Callable<Integer> {

    @Option(names = "--path", required = true, paramLabel = "DIR", description = "The installation.")
    private Path path;

    @Override
    public Integer call() {
        throw new MigrationException(ErrorCode.USAGE, "backups verify is not available yet in this version of migrate"
                + " (" + Invocation.display(path) + " is untouched); migrate rollback verifies a backup before it restores it");
    }
}
