package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Writes the files of the release archive that come from the command model, at build time (cli/pom.xml runs it
 * in the package phase): {@code completion/migrate.bash} and {@code completion/migrate.zsh}, and a man page per
 * command in {@code man/man1/}.
 */
public final class ReleaseFiles {

    private ReleaseFiles() {
    }

    /**
     * Writes the files.
     *
     * @param args one argument: the folder to write into (created when missing)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ReleaseFiles FOLDER");
        }
        Path folder = Path.of(args[0]);
        Path completion = Files.createDirectories(folder.resolve("completion"));
        Files.writeString(completion.resolve("migrate.bash"), CompletionCommand.script(CompletionCommand.Shell.BASH));
        Files.writeString(completion.resolve("migrate.zsh"), CompletionCommand.script(CompletionCommand.Shell.ZSH));
        Path man = Files.createDirectories(folder.resolve("man").resolve("man1"));
        writePages(MigrateCommand.commandLine(new MigrateCommand(java.util.Map.of())), man, MigrateVersion.version());
    }

    private static void writePages(CommandLine line, Path folder, String version) throws IOException {
        ManPage page = new ManPage(line.getCommandSpec());
        Files.writeString(folder.resolve(page.name() + ".1"), page.render(version));
        for (CommandLine sub : line.getSubcommands().values()) {
            writePages(sub, folder, version);
        }
    }
}
