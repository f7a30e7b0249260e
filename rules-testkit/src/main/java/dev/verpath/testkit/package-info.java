/**
 * The rules test kit: what a rule author needs to test rules through the real engine.
 *
 * <p>A test is a before/after fixture ({@link dev.verpath.testkit.Fixture}, found by
 * {@link dev.verpath.testkit.Fixtures}); {@link dev.verpath.testkit.MigrationCheck#check} migrates a copy of
 * {@code before/} with the real {@link dev.verpath.engine.MigrationEngine}, compares it with {@code after/}
 * byte for byte naming the first differing file and line ({@link dev.verpath.testkit.InstallationTrees}),
 * checks that a dry run and a second run from {@code before/} give the same changes and bytes, that migrating again
 * at the target changes nothing and that rollback restores {@code before/}.
 * {@link dev.verpath.testkit.RuleMetadata} checks that rules describe themselves properly.
 */
package dev.verpath.testkit;
