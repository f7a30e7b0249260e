package dev.verpath.engine.graph;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.MigrationException;
import java.util.Comparator;
import java.util.Optional;

/**
 * Semantic version text: checking it, writing it one way, and ordering it. Versions are strict
 * {@code MAJOR.MINOR.PATCH} with optional pre-release and build parts, as java-semver reads them.
 * Stateless and thread-safe.
 */
public final class VersionText {

    /**
     * Orders version texts by semantic version precedence, oldest first; versions that differ only
     * in build metadata are ordered by it, so the order is consistent with {@code equals} on the
     * canonical text. Every text compared must be a valid version.
     */
    public static final Comparator<String> ORDER = (a, b) -> Version.BUILD_AWARE_ORDER.compare(Version.parse(a), Version.parse(b));

    private VersionText() {
    }

    /**
     * Whether the text is one semantic version (after trimming).
     *
     * @param text any text
     * @return true for text such as {@code 1.2.3} or {@code 2.0.0-rc.1}
     */
    public static boolean isVersion(String text) {
        return text != null && Version.isValid(text.trim());
    }

    /**
     * The version, when the text is one.
     *
     * @param text any text
     * @return the canonical text of the version, or empty when the text is not a version
     */
    public static Optional<String> parse(String text) {
        return isVersion(text) ? Optional.of(Version.parse(text.trim()).toString()) : Optional.empty();
    }

    /**
     * The canonical text of a version the user gave.
     *
     * @param text the version text
     * @return the canonical text, e.g. {@code 1.0.0}
     * @throws MigrationException with {@link ErrorCode#USAGE} naming the text when it is not a version
     */
    public static String canonical(String text) {
        return parse(text).orElseThrow(() -> new InputFailure(ErrorCode.USAGE,                 "invalid version '" + text + "': not a semantic version; write it as MAJOR.MINOR.PATCH, e.g. 1.0.0"));
    }

    /**
     * Compares two versions.
     *
     * @param a a version text
     * @param b another version text
     * @return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}
     */
    public static int compare(String a, String b) {
        return ORDER.compare(a, b);
    }
}
