package dev.verpath.cli;

import dev.verpath.engine.settings.SecretNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line as the audit trail writes it: every argument as given, except secrets. The value of an option
 * whose name says secret ({@code --api-key X}, {@code --token=X}, see {@link SecretNames}) and of a
 * {@code NAME=value} argument whose name does is written as {@value SecretNames#HIDDEN}, and so is the password of a
 * URL ({@code https://user:***@host}).
 */
final class CommandLineText {

    private CommandLineText() {
    }

    /**
     * @param args the arguments as given
     * @return the arguments to write, secrets hidden
     */
    static List<String> withoutSecrets(List<String> args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            if (equals > 0 && SecretNames.secret(arg.substring(0, equals))) {
                shown.add(arg.substring(0, equals + 1) + SecretNames.HIDDEN);
            } else if (arg.startsWith("-") && equals < 0 && SecretNames.secret(arg) && i + 1 < args.size()) {
                shown.add(arg);
                shown.add(SecretNames.HIDDEN);
                i++;
            } else {
                shown.add(SecretNames.withoutUrlPassword(arg));
            }
        }
        return shown;
    }
}
