/**
 * How the engine fails: one root, {@link dev.verpath.engine.failure.EngineFailure}, typed by whose problem it is
 * (the user's input, the environment, a rule's bug) and carrying an {@link dev.verpath.engine.failure.ErrorCode}
 * that the CLI alone maps to an exit code. {@link dev.verpath.engine.failure.Excerpt} is how a message quotes
 * untrusted text. Depends on nothing else of the engine.
 */
package dev.verpath.engine.failure;
