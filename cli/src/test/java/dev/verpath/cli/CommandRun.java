package dev.verpath.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * One run of {@code migrate}: its exit code, stdout and stderr. In-process runs go through the real
 * picocli command line with captured writers.
 */
record CommandRun(int exit, String out, String err) {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Runs in-process with an empty environment. */
    static CommandRun of(String... args) {
        return of(Map.of(), args);
    }

    /** Runs in-process with the given environment. */
    static CommandRun of(Map<String, String> env, String... args) {
        return of(env, line -> { }, args);
    }

    /** Runs in-process after letting the test change the command line (add a command, say). */
    static CommandRun of(Map<String, String> env, Consumer<CommandLine> change, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = MigrateCommand.commandLine(new MigrateCommand(env), args); // as main builds it
        change.accept(line);
        int exit = MigrateCommand.execute(line, new PrintWriter(out, true), new PrintWriter(err, true), args);
        CommandRun run = new CommandRun(exit, out.toString(), err.toString());
        MessageShape.check(run, args);
        return run;
    }

    /** @return stdout parsed as exactly one JSON document (fails on anything before or after it) */
    JsonNode json() {
        try {
            return STRICT.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not one JSON document:\n" + out, e);
        }
    }

    /** @return the non-empty lines of stderr */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
