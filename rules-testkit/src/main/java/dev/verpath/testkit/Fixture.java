package dev.verpath.testkit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One before/after case: a folder {@code <step>/<case>/} holding {@code before/} (an installation), and
 * {@code after/} (the installation expected after migrating from {@code from} to {@code to}) or a
 * {@code failure} in {@code case.properties}. Immutable.
 *
 * @param name    {@code <step>/<case>}, e.g. {@code step-2.1.0-to-2.1.1/adds-key}
 * @param folder  the case folder
 * @param from    the version migrated from
 * @param to      the version migrated to
 * @param options what {@code case.properties} states
 * @param source  the case folder in the module's sources ({@code src/test/resources/...}), where
 *                {@code -Dfixtures.bless=true} writes a missing {@code after/}; empty when unknown
 */
public record Fixture(String name, Path folder, String from, String to, FixtureOptions options, Optional<Path> source) {

    /** Checks that nothing is null. */
    public Fixture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(source, "source");
    }

    /** @return the installation before the migration */
    public Path before() {
        return folder.resolve("before");
    }

    /** @return the installation expected after it */
    public Path after() {
        return folder.resolve("after");
    }

    /** @return the name, so parameterized tests show it */
    @Override
    public String toString() {
        return name;
    }
}
