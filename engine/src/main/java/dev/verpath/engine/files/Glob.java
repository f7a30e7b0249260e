package dev.verpath.engine.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A glob over relative paths with {@code /} separators: {@code *} within a name, {@code **} across
 * folders, and {@code **}{@code /} also matching no folder at all (as in .gitignore), so
 * {@code data/**}{@code /*.jsonl} matches both {@code data/a.jsonl} and {@code data/x/b.jsonl}. Immutable.
 */
public final class Glob {

    private final String pattern;
    private final List<PathMatcher> matchers;

    private Glob(String pattern) {
        this.pattern = pattern;
        List<PathMatcher> list = new ArrayList<>();
        for (String variant : variants(pattern)) {
            list.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
        }
        this.matchers = List.copyOf(list);
    }

    /**
     * @param pattern the glob
     * @return the compiled glob
     */
    public static Glob of(String pattern) {
        return new Glob(Objects.requireNonNull(pattern, "pattern"));
    }

    private static List<String> variants(String pattern) {
        List<String> out = new ArrayList<>();
        out.add(pattern);
        int at = pattern.indexOf("**/");
        if (at >= 0) {
            for (String rest : variants(pattern.substring(at + 3))) {
                out.add(pattern.substring(0, at) + rest);
            }
            for (String rest : variants(pattern.substring(at + 3))) {
                out.add(pattern.substring(0, at + 3) + rest);
            }
        }
        return out.stream().distinct().toList();
    }

    /**
     * @param relativePath a path relative to the root, with {@code /} separators
     * @return true when the glob matches it
     */
    public boolean matches(String relativePath) {
        Path path = Path.of(relativePath);
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** @return the fixed folder before the first wildcard, e.g. {@code data} for {@code data/**}{@code /*.jsonl} */
    public String base() {
        int wildcard = firstWildcard(pattern);
        String fixed = pattern.substring(0, wildcard);
        int slash = fixed.lastIndexOf('/');
        if (wildcard == pattern.length()) {
            return slash < 0 ? "" : fixed.substring(0, slash);
        }
        return slash < 0 ? "" : fixed.substring(0, slash);
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
