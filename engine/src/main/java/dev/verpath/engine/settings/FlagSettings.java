package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.FlagDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The flags of one run's settings: the environment and the {@code [flags]} table of the migration config, read
 * against the flags the rule sets declare. The part of {@link EngineSettings} about flags; immutable.
 */
final class FlagSettings {

    private static final String TABLE = "flags.";

    private final SortedMap<String, EffectiveSetting> values;
    private final Map<String, String> env;
    private final Optional<Path> file;

    /**
     * @param values every setting by dotted key, the file's flags under {@code flags.NAME} (not copied: the caller's
     *               map is unmodifiable)
     * @param env    the environment
     * @param file   the migration config, when one was read
     */
    FlagSettings(SortedMap<String, EffectiveSetting> values, Map<String, String> env, Optional<Path> file) {
        this.values = values;
        this.env = env;
        this.file = file;
    }

    /** See {@link EngineSettings#flag}. */
    EffectiveSetting flag(FlagDescriptor flag) {
        String fromEnv = env.get(flag.name());
        if (fromEnv != null) {
            return new EffectiveSetting(flag.name(), fromEnv, "environment");
        }
        EffectiveSetting fromFile = values.get(TABLE + flag.name());
        if (fromFile != null) {
            return new EffectiveSetting(flag.name(), fromFile.value(), fromFile.source());
        }
        return new EffectiveSetting(flag.name(), flag.defaultValue(), "default");
    }

    /** See {@link EngineSettings#whereSet}. */
    String whereSet(FlagDescriptor flag) {
        EffectiveSetting setting = flag(flag);
        if (setting.source().equals("environment")) {
            return "$" + flag.name();
        }
        if (setting.source().equals("default")) {
            return "its default";
        }
        String where = SettingTypes.where(new EffectiveSetting(TABLE + flag.name(), setting.value(), setting.source()), file);
        return where.isEmpty() ? setting.source() : where.substring(0, where.length() - 2);
    }

    /**
     * See {@link EngineSettings#checkFlags}: a flag of the file that no loaded rule set declares is a misspelling (or
     * a flag of a plugin that is gone) that would otherwise be ignored without a word. Environment variables are not
     * checked: any variable may be set. Where some rule sets may not have loaded (plugins off, a plugin refused), a
     * flag none of the loaded ones declares may be one of theirs: it is then only noted.
     */
    List<String> check(List<FlagDescriptor> declared, Optional<String> unloaded) {
        Set<String> names = new TreeSet<>();
        declared.forEach(f -> names.add(f.name()));
        List<String> notices = new ArrayList<>();
        for (EffectiveSetting setting : values.values()) {
            if (!setting.key().startsWith(TABLE) || names.contains(setting.key().substring(TABLE.length()))) {
                continue;
            }
            String name = setting.key().substring(TABLE.length());
            String where = SettingTypes.where(setting, file);
            if (unloaded.isPresent()) {
                notices.add("note: " + where + "flag " + name + " is declared by no loaded rule set and is ignored; "
                        + unloaded.get());
                continue;
            }
            throw new InputFailure(ErrorCode.USAGE, where + "unknown flag " + name + NearestName.of(name, names)
                    .map(n -> "; did you mean " + n + "?").orElse(names.isEmpty() ? "; no loaded rule set declares a flag;"
                            : "; the loaded rule sets declare " + String.join(", ", names) + ";")
                    + " fix the name there ('migrate plugins list' shows the flags each plugin declares)");
        }
        return List.copyOf(notices);
    }

    /** See {@link EngineSettings#effective}. */
    List<EffectiveSetting> effective(List<FlagDescriptor> flags) {
        List<EffectiveSetting> all = new ArrayList<>();
        values.values().stream().filter(s -> !s.key().startsWith(TABLE)).forEach(all::add);
        flags.forEach(f -> all.add(flag(f)));
        return List.copyOf(all);
    }
}
