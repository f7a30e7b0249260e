/**
 * The immutable values that cross the engine's front door: what the CLI asks
 * ({@link dev.verpath.engine.model.RunRequest}, {@link dev.verpath.engine.model.PlanRequest}) and what it is told
 * ({@link dev.verpath.engine.model.RunResult}, {@link dev.verpath.engine.model.RollbackResult},
 * {@link dev.verpath.engine.model.StatusReport}). No behaviour beyond what a value computes from itself.
 */
package dev.verpath.engine.model;
