package dev.verpath.engine.validate;

import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's security checks, for every product: paths that leave the installation (in metadata, and
 * symbolic links), executable model and data files, world-writable entries, plain {@code http://} sources
 * and secrets in configuration files, and pickle-based weight files.
 */
final class SecurityChecks {

    /** Weight formats that are Python pickles: loading one can run code. */
    static final Set<String> PICKLE_EXTENSIONS = Set.of("bin", "pt", "pth", "ckpt", "pkl", "pickle");

    private static final Set<String> SECRET_NAMES = Set.of("api_key", "apikey", "token", "access_token", "auth_token",
            "bearer_token", "refresh_token", "secret", "secret_key", "client_secret", "password", "passwd", "private_key");
    private static final List<String> SECRET_SUFFIXES = List.of("_api_key", "_apikey", "_token", "_password", "_passwd",
            "_secret", "_secret_key", "_private_key");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*[:=]\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,#;{}\\[\\]\"']+)");
    private static final Pattern HTTP = Pattern.compile("(?i)\\bhttp://([^/\\s\"'<>?#]*)[^\\s\"'<>]*");

    private SecurityChecks() {
    }

    /** @return the checks */
    static List<TreeCheck> all() {
        List<TreeCheck> content = content();
        return List.of(content.get(0),
                TreeCheck.of(describe("symlink-escape", "Symbolic links inside the installation", "Checks that no "
                        + "symbolic link points outside the installation.", Severity.ERROR), SecurityChecks::symlinks),
                TreeCheck.of(describe("executable", "No executable model or data files", "Checks that files in the "
                        + "models and data folders have no executable bit.", Severity.WARNING), SecurityChecks::executables),
                TreeCheck.of(describe("world-writable", "Nothing writable by everyone", "Checks that no file or folder is "
                        + "writable by every user.", Severity.WARNING), SecurityChecks::worldWritable),
                content.get(1), content.get(2),
                TreeCheck.of(describe("pickle-weights", "No pickle weights", "Flags weight files in a pickle-based format "
                        + "(.bin, .pt, .pth, .ckpt, .pkl), which can run code when they are loaded.", Severity.WARNING),
                        SecurityChecks::pickles));
    }

    /**
     * The checks that judge what files hold rather than how they sit on disk, so that they also apply to the files a
     * rule wrote: paths that leave the installation, plain {@code http://} sources, secrets in clear.
     *
     * @return those checks, in the order of {@link #all()}
     */
    static List<TreeCheck> content() {
        return List.of(
                TreeCheck.of(describe("path-escape", "Paths inside the installation", "Checks that every file a metadata "
                        + "file or manifest lists lies inside the installation: no absolute path, no '..' that leaves the "
                        + "root.", Severity.ERROR), SecurityChecks::pathEscapes),
                TreeCheck.of(describe("plain-http", "No plain http sources", "Checks that configuration files name no "
                        + "http:// source other than the local machine.", Severity.WARNING), SecurityChecks::plainHttp),
                TreeCheck.of(describe("secret-in-config", "No secrets in clear", "Checks that configuration files hold no "
                        + "literal value under a key named like a secret (api_key, token, password and the like).",
                        Severity.WARNING), SecurityChecks::secrets));
    }

    private static ValidationDescriptor describe(String name, String displayName, String description, Severity severity) {
        return TreeCheck.describe("engine.security." + name, displayName, description, ValidationCategory.SECURITY, severity);
    }

    private static List<Finding> pathEscapes(TreeScan tree, ValidationDescriptor d) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (MetadataRecords.Record r : MetadataRecords.of(tree)) {
            if (r.target().isEmpty()) {
                String what = MetadataRecords.absolute(r.listed()) ? "an absolute path" : "a path that leaves the installation";
                findings.add(Finding.of(d, r.metadata(), r.location(), "lists " + r.listed() + ", " + what,
                        "List files by paths relative to the folder of " + r.metadata() + " without '..', and drop "
                                + "entries for files outside the installation."));
            }
        }
        return findings;
    }

    private static List<Finding> symlinks(TreeScan tree, ValidationDescriptor d) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            if (e.kind() != TreeScan.Kind.SYMLINK) {
                continue;
            }
            Path target = Files.readSymbolicLink(e.real());
            if (LiveTree.pointsOutside(e.real(), tree.root())) {
                findings.add(Finding.of(d, e.path(), null, "symbolic link points outside the installation, to "
                        + target.toString().replace('\\', '/'), "Replace the link with a copy of what it points to, or "
                        + "point it at a path inside the installation."));
            }
        }
        return findings;
    }

    private static List<Finding> executables(TreeScan tree, ValidationDescriptor d) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            boolean modelOrData = tree.isModelFile(e.path()) || tree.isDataFile(e.path());
            boolean executable = e.permissions().map(p -> p.contains(PosixFilePermission.OWNER_EXECUTE)
                    || p.contains(PosixFilePermission.GROUP_EXECUTE) || p.contains(PosixFilePermission.OTHERS_EXECUTE))
                    .orElse(false);
            if (e.kind() == TreeScan.Kind.FILE && modelOrData && executable) {
                String kind = tree.isModelFile(e.path()) ? "model" : "data";
                findings.add(Finding.of(d, e.path(), null, kind + " file is executable (mode " + e.mode() + ")",
                        "Remove the executable bits: chmod a-x " + e.path() + "."));
            }
        }
        return findings;
    }

    private static List<Finding> worldWritable(TreeScan tree, ValidationDescriptor d) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            boolean writable = e.permissions().map(p -> p.contains(PosixFilePermission.OTHERS_WRITE)).orElse(false);
            if ((e.kind() == TreeScan.Kind.FILE || e.kind() == TreeScan.Kind.DIR) && writable) {
                String kind = e.kind() == TreeScan.Kind.DIR ? "folder" : "file";
                findings.add(Finding.of(d, e.path(), null, kind + " is writable by every user (mode " + e.mode() + ")",
                        "Take the write permission from other users: chmod o-w " + e.path() + "."));
            }
        }
        return findings;
    }

    private static List<Finding> plainHttp(TreeScan tree, ValidationDescriptor d) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry file : ConfigFiles.of(tree)) {
            List<String> lines = ConfigFiles.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String location = "line " + (i + 1);
                plainHttpIn(lines.get(i)).ifPresent(url -> findings.add(Finding.of(d, file.path(), location,
                        "plain http:// source " + url + ": what is fetched or sent can be read and altered on the way",
                        "Use https:// (or a path on the local machine) instead.")));
            }
        }
        return findings;
    }

    /**
     * @param line a line of a configuration file
     * @return the first {@code http://} URL in it that does not point at the local machine
     */
    static Optional<String> plainHttpIn(String line) {
        Matcher m = HTTP.matcher(line);
        while (m.find()) {
            if (!loopback(m.group(1))) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    private static boolean loopback(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        host = host.startsWith("[") ? host.substring(0, host.indexOf(']') < 0 ? host.length() : host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static List<Finding> secrets(TreeScan tree, ValidationDescriptor d) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry file : ConfigFiles.of(tree)) {
            List<String> lines = ConfigFiles.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = KEY_VALUE.matcher(lines.get(i));
                while (m.find()) {
                    String key = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
                    if (secretName(key) && literal(m.group(2))) {
                        findings.add(Finding.of(d, file.path(), "line " + (i + 1), "key " + key + " holds a secret in clear text",
                                "Move the secret out of the file (an environment variable or a secret store) and "
                                        + "rotate it if the file was ever shared."));
                    }
                }
            }
        }
        return findings;
    }

    /**
     * @param key a key name
     * @return true when it is named like a secret: {@code api_key}, {@code token}, {@code password}, or a name
     *         ending in one of them ({@code hf_token}, {@code db_password})
     */
    static boolean secretName(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
        return SECRET_NAMES.contains(k) || SECRET_SUFFIXES.stream().anyMatch(k::endsWith);
    }

    /** A value written out, not a reference to one kept elsewhere (an environment variable, a template). */
    private static boolean literal(String raw) {
        String v = raw.length() >= 2 && (raw.startsWith("\"") || raw.startsWith("'")) ? raw.substring(1, raw.length() - 1) : raw;
        String lower = v.trim().toLowerCase(Locale.ROOT);
        return !lower.isEmpty() && !Set.of("true", "false", "null", "none", "~").contains(lower)
                && !lower.startsWith("$") && !lower.startsWith("env:") && !lower.startsWith("%(") && !lower.startsWith("{{")
                && !(lower.startsWith("<") && lower.endsWith(">")) && !lower.chars().allMatch(c -> c == '*' || c == 'x');
    }

    private static List<Finding> pickles(TreeScan tree, ValidationDescriptor d) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            boolean inModels = !tree.productKnown() || tree.isModelFile(e.path());
            String extension = extension(e.name());
            if (e.kind() == TreeScan.Kind.FILE && inModels && PICKLE_EXTENSIONS.contains(extension)) {
                findings.add(Finding.of(d, e.path(), null, "." + extension + " weights are a Python pickle, which can run "
                        + "code when the file is loaded", "Load it only from a source you trust; better, convert it to "
                        + "safetensors and remove the pickle."));
            }
        }
        return findings;
    }

    /**
     * @param name a file name
     * @return its extension in lower case, without the dot; {@code ""} when it has none
     */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
