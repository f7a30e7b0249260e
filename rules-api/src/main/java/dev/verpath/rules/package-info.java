/**
 * The rules API: everything a rule author compiles against, and nothing else.
 *
 * <p>A {@link dev.verpath.rules.RuleSet} (a PF4J extension point) brings {@link dev.verpath.rules.MigrationRule}s,
 * each the edge of one product's version graph for one {@link dev.verpath.rules.RuleKind kind} of file,
 * and {@link dev.verpath.rules.ValidationRule}s that check an installation at a version. Rules reach the
 * installation only through the engine's {@link dev.verpath.rules.Workspace}, which reads files and
 * writes them only atomically; a rule never opens a file for in-place writing.
 *
 * <p>Types here are immutable records, enums and interfaces. New interface methods arrive as
 * {@code default} methods, so a rule built for 1.x keeps compiling and loading on every 1.y.
 */
package dev.verpath.rules;
