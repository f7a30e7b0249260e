package dev.verpath.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one {@link ServeService} verb: {@code --name value} pairs, where {@code --require} may repeat.
 * Immutable.
 *
 * @param values   every option but {@code --require}, by name without the dashes
 * @param required the {@code --require} keys, in order
 */
record ServiceOptions(Map<String, String> values, List<String> required) {

    /** A command line that cannot be run: its message is the one line to print. */
    static final class UsageError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    ServiceOptions {
        values = Map.copyOf(values);
        required = List.copyOf(required);
    }

    /**
     * Parses options, accepting only the given names (and {@code --require} when allowed).
     *
     * @throws UsageError naming the option that is unknown or has no value
     */
    static ServiceOptions parse(List<String> args, List<String> names, boolean requireAllowed) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            String name = option.startsWith("--") ? option.substring(2) : option;
            if (!names.contains(name) && !(requireAllowed && name.equals("require"))) {
                throw new UsageError("unknown option " + option + " (expected --" + String.join(", --", names)
                        + (requireAllowed ? ", --require" : "") + ")");
            }
            if (i + 1 >= args.size()) {
                throw new UsageError(option + " needs a value");
            }
            if (name.equals("require")) {
                required.add(args.get(i + 1));
            } else {
                values.put(name, args.get(i + 1));
            }
        }
        return new ServiceOptions(values, required);
    }

    /** @throws UsageError when the option is missing */
    Path path(String name) {
        return Path.of(value(name).orElseThrow(() -> new UsageError("--" + name + " is required")));
    }

    /** @return the option's value, or empty when it was not given */
    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** @throws UsageError when the value is not a port number */
    int port() {
        String text = value("port").orElse("0");
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageError("--port " + text + " is not a port number (0 to 65535; 0 picks a free port)");
    }

    /** @return the options again as arguments, {@code --require} last */
    List<String> arguments() {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.addAll(List.of("--" + k, v)));
        required.forEach(k -> out.addAll(List.of("--require", k)));
        return out;
    }
}
