package dev.verpath.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds fixtures: every folder {@code step-<from>-to-<to>/<case>/} or {@code path-<from>-to-<to>/<case>/}
 * under a root ({@code step-} for one edge, {@code path-} for a planned path of several; the kit treats them
 * alike), sorted by name. Use the result as a JUnit {@code @MethodSource}.
 */
public final class Fixtures {

    private static final Pattern STEP = Pattern.compile("(?:step|path)-(.+)-to-(.+)");

    private Fixtures() {
    }

    /**
     * The fixtures under a folder.
     *
     * @param root the folder holding the {@code step-*} and {@code path-*} folders
     * @return the fixtures, sorted by name
     */
    public static List<Fixture> in(Path root) {
        return scan(root, Optional.empty());
    }

    /**
     * The fixtures in the module's test resources: {@code src/test/resources/<folder>} when the test runs
     * from the module folder (as Maven runs it), which keeps symbolic links that copying resources would
     * lose and lets {@code -Dfixtures.bless=true} write there; else the copy on the class path.
     *
     * @param folder a folder inside the test resources, {@code ""} for the resources themselves
     * @return the fixtures, sorted by name
     */
    public static List<Fixture> inTestResources(String folder) {
        Path source = Path.of("src", "test", "resources").resolve(folder);
        if (Files.isDirectory(source)) {
            return scan(source, Optional.of(source));
        }
        URL url = Thread.currentThread().getContextClassLoader().getResource(folder.isEmpty() ? "." : folder);
        if (url == null || !url.getProtocol().equals("file")) {
            throw new IllegalArgumentException("no test resource folder '" + folder + "'");
        }
        try {
            return scan(Path.of(url.toURI()), Optional.empty());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /**
     * One fixture by name.
     *
     * @param fixtures the fixtures to look in
     * @param name     {@code <step>/<case>}
     * @return the fixture
     */
    public static Fixture named(List<Fixture> fixtures, String name) {
        return fixtures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + name));
    }

    private static List<Fixture> scan(Path root, Optional<Path> source) {
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> steps = Files.list(root)) {
            for (Path step : steps.filter(Files::isDirectory).sorted().toList()) {
                Matcher m = STEP.matcher(step.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                try (Stream<Path> cases = Files.list(step)) {
                    for (Path folder : cases.filter(Files::isDirectory).sorted().toList()) {
                        String name = step.getFileName() + "/" + folder.getFileName();
                        fixtures.add(new Fixture(name, folder, m.group(1), m.group(2), FixtureOptions.read(folder.resolve("case.properties")),
                                source.map(s -> s.resolve(step.getFileName().toString()).resolve(folder.getFileName().toString()))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list fixtures", e);
        }
        return List.copyOf(fixtures);
    }
}
