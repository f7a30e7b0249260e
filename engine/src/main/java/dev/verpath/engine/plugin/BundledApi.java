package dev.verpath.engine.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds a copy of the rules API or of PF4J inside a staged plugin. PF4J's class loader looks in the plugin
 * first, so such a copy would shadow the engine's: the plugin's rule sets would then not be
 * {@code RuleSet}s of this engine and would silently not load. Reads entry names only; loads no class.
 */
final class BundledApi {

    private static final List<String> PACKAGES = List.of("dev/verpath/rules/", "org/pf4j/");

    private BundledApi() {
    }

    /**
     * @param staged a staged jar, or an unpacked zip ({@code classes/}, {@code lib/*.jar})
     * @return what it bundles, e.g. {@code dev/verpath/rules/ (in lib/rules-api.jar)}, or empty
     */
    static Optional<String> find(Path staged) {
        try {
            if (Files.isRegularFile(staged)) {
                return inJar(staged);
            }
            for (String pkg : PACKAGES) {
                if (Files.isDirectory(staged.resolve("classes").resolve(pkg))) {
                    return Optional.of(pkg + " (in classes/)");
                }
            }
            Path lib = staged.resolve("lib");
            if (Files.isDirectory(lib)) {
                List<Path> jars = new ArrayList<>();
                try (Stream<Path> files = Files.list(lib)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
                for (Path jar : jars) {
                    Optional<String> found = inJar(jar);
                    if (found.isPresent()) {
                        return Optional.of(found.get() + " (in lib/" + jar.getFileName() + ")");
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("an unreadable archive (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> inJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                for (String pkg : PACKAGES) {
                    if (name.startsWith(pkg) && name.endsWith(".class")) {
                        return Optional.of(pkg);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
