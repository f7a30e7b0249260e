package dev.verpath.engine.validate;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's compatibility checks, for every product: names Windows cannot hold, paths over 260
 * characters, names in one folder that differ only by case, and names that are not valid UTF-8.
 */
final class CompatibilityChecks {

    /** The longest path Windows tools without long-path support accept. */
    static final int MAX_PATH = 260;

    private static final Set<String> RESERVED = reserved();
    private static final String FORBIDDEN = "<>:\"|?*\\";

    private CompatibilityChecks() {
    }

    private static Set<String> reserved() {
        List<String> names = new ArrayList<>(List.of("CON", "PRN", "AUX", "NUL"));
        for (int i = 1; i <= 9; i++) {
            names.add("COM" + i);
            names.add("LPT" + i);
        }
        return Set.copyOf(names);
    }

    /** @return the checks */
    static List<TreeCheck> all() {
        return List.of(
                TreeCheck.of(describe("windows-name", "Names Windows accepts", "Checks that no name is reserved on Windows "
                        + "(CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension), ends in a dot or a space, or "
                        + "holds one of <>:\"|?*\\ or a control character."), CompatibilityChecks::windowsNames),
                TreeCheck.of(describe("long-path", "Paths of at most 260 characters", "Checks that no path, relative to "
                        + "the installation root, is longer than 260 characters."), CompatibilityChecks::longPaths),
                TreeCheck.of(describe("case-collision", "Names unique regardless of case", "Checks that no two names in "
                        + "one folder differ only by case."), CompatibilityChecks::caseCollisions),
                TreeCheck.of(describe("non-utf8-name", "UTF-8 names", "Checks that every name is valid UTF-8."),
                        CompatibilityChecks::utf8Names));
    }

    private static ValidationDescriptor describe(String name, String displayName, String description) {
        return TreeCheck.describe("engine.compatibility." + name, displayName, description, ValidationCategory.COMPATIBILITY,
                Severity.WARNING);
    }

    private static List<Finding> windowsNames(TreeScan tree, ValidationDescriptor d) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            windowsProblem(e.name()).ifPresent(problem -> findings.add(Finding.of(d, e.path(), null,
                    "name " + problem + "; Windows cannot create or copy it", "Rename it to a name without that.")));
        }
        return findings;
    }

    /**
     * @param name a file or folder name
     * @return what makes it invalid on Windows, or empty when it is valid there
     */
    static Optional<String> windowsProblem(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            return Optional.of("'" + name + "' is reserved (" + base + ")");
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20) {
                return Optional.of("holds the control character U+" + String.format(Locale.ROOT, "%04X", (int) c));
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("'" + name + "' holds the character " + c);
            }
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of("'" + name + "' ends in " + (name.endsWith(".") ? "a dot" : "a space"));
        }
        return Optional.empty();
    }

    private static List<Finding> longPaths(TreeScan tree, ValidationDescriptor d) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            if (e.path().length() > MAX_PATH && e.parent().length() <= MAX_PATH) {
                findings.add(Finding.of(d, e.path(), null, "path is " + e.path().length() + " characters long (over "
                        + MAX_PATH + ")" + (e.kind() == TreeScan.Kind.DIR ? ", and so is everything in it" : "")
                        + "; Windows tools without long-path support fail on it", "Shorten the names of the folders "
                        + "or the file."));
            }
        }
        return findings;
    }

    private static List<Finding> caseCollisions(TreeScan tree, ValidationDescriptor d) {
        Map<String, String> first = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            String key = e.parent() + "/" + e.name().toLowerCase(Locale.ROOT);
            String earlier = first.putIfAbsent(key, e.name());
            if (earlier != null) {
                findings.add(Finding.of(d, e.path(), null, "name differs only by case from " + earlier
                        + "; on Windows and macOS the two are one file", "Rename one of them."));
            }
        }
        return findings;
    }

    private static List<Finding> utf8Names(TreeScan tree, ValidationDescriptor d) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            if (!validUtf8(e.name())) {
                findings.add(Finding.of(d, e.path(), null, "name is not valid UTF-8 (the bad bytes show as U+FFFD); "
                        + "other systems and tools show or copy it differently", "Rename it to a UTF-8 name."));
            }
        }
        return findings;
    }

    /**
     * Whether a name, as the file system gave it to Java, was valid UTF-8. Java decodes names with
     * {@code sun.jnu.encoding}: under UTF-8 bad bytes become U+FFFD (so a name that really holds U+FFFD is
     * reported too); under another encoding the name is encoded back and checked.
     *
     * @param name a name
     * @return true when valid
     */
    static boolean validUtf8(String name) {
        if (name.indexOf('\uFFFD') >= 0) {
            return false;
        }
        Charset charset = nameCharset();
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name.getBytes(charset)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset nameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
