package dev.verpath.engine.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command a hook or the health check runs: an argument list run directly (no shell), or, only when asked for
 * explicitly, a shell string run as {@code /bin/sh -c STRING}. In migration_config.toml:
 *
 * <pre>{@code
 * before_commit = ["systemctl", "stop", "serve"]                   # an argument list: no shell, no splitting
 * after_commit = { shell = "systemctl start serve && sleep 1" }    # a shell string, explicitly
 * }</pre>
 *
 * A plain string ({@code before_commit = "systemctl stop serve"}) is refused: splitting it on spaces would break
 * every quoted argument, and running it through a shell silently is what {@code { shell = "..." }} says openly.
 * Its setting text (what {@code migrate info --verbose} shows) is the JSON of that shape. Immutable.
 *
 * @param arguments the program and its arguments; for a shell command, the one shell string
 * @param shell     whether {@code arguments} is one string for {@code /bin/sh -c}
 */
public record HookCommand(List<String> arguments, boolean shell) {

    /** What a hook setting accepts, as messages say it. */
    public static final String EXPECTED = "a non-empty array of strings such as [\"systemctl\", \"stop\", \"serve\"],"
            + " or { shell = \"systemctl stop serve && sleep 1\" } for a shell command (a plain string is not split on"
            + " spaces: write one of the two)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./*-]+");

    /** Copies the arguments and checks that there is a program (and, for a shell command, exactly one string). */
    public HookCommand {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty() || arguments.get(0).isBlank() || (shell && arguments.size() != 1)) {
            throw new IllegalArgumentException("a hook command needs a program, or exactly one shell string");
        }
    }

    /**
     * @param arguments the program and its arguments, run directly
     * @return the command
     */
    public static HookCommand of(List<String> arguments) {
        return new HookCommand(arguments, false);
    }

    /**
     * @param script a shell string, run as {@code /bin/sh -c script}
     * @return the command
     */
    public static HookCommand shell(String script) {
        return new HookCommand(List.of(script), true);
    }

    /** @return what the process is started with: the arguments, or {@code /bin/sh -c STRING} */
    public List<String> processArguments() {
        return shell ? List.of("/bin/sh", "-c", arguments.get(0)) : arguments;
    }

    /**
     * The command as messages and logs show it: a shell string as written, an argument list as shell words (quoted
     * where needed); the value after a secret-named option ({@code --token=X}, {@code --password X}) and a URL's
     * password are hidden. Verpath itself never puts a secret on a hook's command line.
     *
     * @return one line
     */
    public String text() {
        if (shell) {
            return SecretNames.withoutUrlPassword(arguments.get(0));
        }
        List<String> words = new ArrayList<>();
        boolean hideNext = false;
        for (String argument : arguments) {
            String shown = hideNext ? SecretNames.HIDDEN : SecretNames.withoutUrlPassword(argument);
            int equals = argument.indexOf('=');
            if (!hideNext && argument.startsWith("-") && equals > 0 && SecretNames.secret(argument.substring(0, equals))) {
                shown = argument.substring(0, equals + 1) + SecretNames.HIDDEN;
            }
            hideNext = !hideNext && argument.startsWith("-") && equals < 0 && SecretNames.secret(argument);
            words.add(PLAIN_WORD.matcher(shown).matches() ? shown : "'" + shown.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }

    /** @return the setting text: the JSON of its TOML shape, {@code ["a","b"]} or {@code {"shell":"..."}} */
    public String settingText() {
        if (shell) {
            return JSON.createObjectNode().put("shell", arguments.get(0)).toString();
        }
        ArrayNode array = JSON.createArrayNode();
        arguments.forEach(array::add);
        return array.toString();
    }

    /**
     * Reads a setting text: the JSON of an array of strings or of {@code { shell = "..." }}.
     *
     * @param text the setting's text
     * @return the command, or empty when the text is anything else (a plain string, an empty array, a number)
     */
    public static Optional<HookCommand> fromSettingText(String text) {
        try {
            return fromNode(JSON.readTree(text));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<HookCommand> fromNode(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.path("shell").isTextual()
                && !node.get("shell").asText().isBlank()) {
            return Optional.of(shell(node.get("shell").asText()));
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>();
        for (JsonNode argument : node) {
            if (!argument.isTextual()) {
                return Optional.empty();
            }
            arguments.add(argument.asText());
        }
        return arguments.get(0).isBlank() ? Optional.empty() : Optional.of(of(arguments));
    }

    /**
     * Reads the command-line form {@code --hook PHASE=COMMAND}, e.g. {@code --hook before_commit='systemctl stop
     * serve'}. The COMMAND is a shell string, run as {@code /bin/sh -c COMMAND} (a command line has no arrays).
     *
     * @param option the option's value, {@code PHASE=COMMAND}
     * @return the phase and its command
     * @throws dev.verpath.rules.MigrationException with {@link ErrorCode#USAGE} naming the option when the phase is
     *                                              unknown (with the nearest phase) or the command is empty
     */
    public static Option parseOption(String option) {
        int equals = option.indexOf('=');
        String phase = equals < 0 ? option : option.substring(0, equals);
        String command = equals < 0 ? "" : option.substring(equals + 1);
        Optional<HookPhase> known = HookPhase.ofKey(phase);
        if (known.isEmpty()) {
            throw new InputFailure(ErrorCode.USAGE, "--hook " + option + ": unknown hook phase '" + phase + "'"
                    + NearestName.of(phase, HookPhase.keys()).map(n -> "; did you mean " + n + "?").orElse("")
                    + "; write --hook PHASE=COMMAND with PHASE one of " + String.join(", ", HookPhase.keys()));
        }
        if (command.isBlank()) {
            throw new InputFailure(ErrorCode.USAGE, "--hook " + option + ": no command after '" + phase + "='; write"
                    + " --hook " + known.get().key() + "='systemctl stop serve' (run by /bin/sh -c)");
        }
        return new Option(known.get(), shell(command));
    }

    /**
     * One {@code --hook} option, read.
     *
     * @param phase   when it runs
     * @param command what it runs (a shell string)
     */
    public record Option(HookPhase phase, HookCommand command) {

        /** Checks that nothing is null. */
        public Option {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(command, "command");
        }

        /** @return the option as settings take it: {@code Map.of(settingKey(), settingText())} */
        public java.util.Map.Entry<String, String> setting() {
            return java.util.Map.entry(phase.settingKey(), command.settingText());
        }
    }
}
