package dev.verpath.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.settings.EffectiveSetting;
import dev.verpath.engine.settings.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The system a command ran on, as the audit trail and the backup manifest record it: Verpath's version and the rules
 * API's, the plugins loaded with their SHA-256, Java and the operating system, and every effective setting with its
 * source (secrets hidden, see {@link SecretNames}). Immutable.
 *
 * @param verpath  Verpath's version
 * @param rulesApi the rules API's version
 * @param plugins  the plugins loaded, by id; empty for a command that loads no rules ({@code rollback},
 *                 {@code backups})
 * @param java     the Java runtime: version, vendor
 * @param os       the operating system: name, version, architecture
 * @param settings the effective settings, sorted by key
 */
public record SystemSnapshot(String verpath, String rulesApi, List<Plugin> plugins, String java, String os,
                             List<EffectiveSetting> settings) {

    /**
     * A loaded plugin.
     *
     * @param id      its id
     * @param version its version
     * @param sha256  its archive's SHA-256
     */
    public record Plugin(String id, String version, String sha256) {
    }

    /** Copies the lists and hides secret settings. */
    public SystemSnapshot {
        Objects.requireNonNull(verpath, "verpath");
        Objects.requireNonNull(rulesApi, "rulesApi");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(os, "os");
        settings = settings.stream().map(s -> new EffectiveSetting(s.key(), SecretNames.shown(s.key(), s.value()),
                s.source())).toList();
    }

    /**
     * The snapshot of this process: Java and the OS from the system properties.
     *
     * @param verpath  Verpath's version
     * @param rulesApi the rules API's version
     * @param plugins  the plugins loaded
     * @param settings the effective settings
     * @return the snapshot
     */
    public static SystemSnapshot of(String verpath, String rulesApi, List<Plugin> plugins, List<EffectiveSetting> settings) {
        return new SystemSnapshot(verpath, rulesApi, plugins, System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"), settings);
    }

    /** @return the snapshot as a JSON object: {@code verpath}, {@code rules_api}, {@code plugins}, {@code java}, ... */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("verpath", verpath).put("rules_api", rulesApi);
        ArrayNode list = node.putArray("plugins");
        plugins.forEach(p -> list.addObject().put("id", p.id()).put("version", p.version()).put("sha256", p.sha256()));
        node.put("java", java).put("os", os);
        ObjectNode values = node.putObject("settings");
        settings.forEach(s -> values.putObject(s.key()).put("value", s.value()).put("source", s.source()));
        return node;
    }

    /**
     * Reads a snapshot {@link #json()} wrote.
     *
     * @param node the JSON object
     * @return the snapshot
     */
    public static SystemSnapshot read(JsonNode node) {
        List<Plugin> plugins = new ArrayList<>();
        node.path("plugins").forEach(p -> plugins.add(new Plugin(p.path("id").asText(), p.path("version").asText(),
                p.path("sha256").asText())));
        List<EffectiveSetting> settings = new ArrayList<>();
        node.path("settings").fields().forEachRemaining(e -> settings.add(new EffectiveSetting(e.getKey(),
                e.getValue().path("value").asText(), e.getValue().path("source").asText())));
        return new SystemSnapshot(node.path("verpath").asText(), node.path("rules_api").asText(), plugins,
                node.path("java").asText(), node.path("os").asText(), settings);
    }
}
