package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A command line that does not parse: one line on stderr saying what is wrong, picocli's suggestions for a
 * misspelt option or command, and where the help is ({@code migrate: Unknown option: '--frmo'; did you mean --from?;
 * try 'migrate info --help'}); never the whole usage text. With {@code --json} stdout
 * carries one error document too. Exits 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine line = failure.getCommandLine();
        PrintWriter err = line.getErr();
        String message = failure.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
        if (failure instanceof UnmatchedArgumentException unmatched && !line.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")
                && line.getParseResult() != null && !line.getParseResult().hasSubcommand()) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        }
        message = message.replaceFirst("^Error: ", "");
        List<String> suggestions = failure instanceof UnmatchedArgumentException unmatched
                ? unmatched.getSuggestions() : List.of();
        String command = line.getCommandSpec().qualifiedName();
        err.println("migrate: " + message + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions)
                + "?") + "; try '" + command + " --help'");
        err.flush();
        int code = ExitStatus.USAGE.code();
        if (Arrays.asList(args).contains("--json")) {
            ObjectNode error = Output.object();
            error.put("code", "USAGE");
            error.put("exitCode", code);
            error.put("message", message);
            if (!suggestions.isEmpty()) {
                suggestions.forEach(error.putArray("suggestions")::add);
            }
            ObjectNode document = Output.object();
            document.set("error", error);
            line.getOut().print(Output.render(Output.withOutcome(document, Outcome.REFUSED)));
            line.getOut().flush();
        }
        return code;
    }
}
