/**
 * The {@code migrate} command line: one picocli command class per subcommand, each a thin layer over
 * {@link dev.verpath.engine.MigrationEngine}; views that print the engine's results as text or JSON;
 * the one mapping from failures to exit codes ({@link dev.verpath.cli.ExitStatus}).
 */
package dev.verpath.cli;
