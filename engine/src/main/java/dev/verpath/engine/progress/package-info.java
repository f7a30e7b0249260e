/**
 * Structured progress of the engine's long phases: {@link dev.verpath.engine.progress.ProgressListener} (what a
 * caller implements), {@link dev.verpath.engine.progress.ProgressPhase} (which phase, counted in what) and
 * {@link dev.verpath.engine.progress.ProgressMeter} (what the engine counts with; it tells the listener at most
 * every {@value dev.verpath.engine.progress.ProgressMeter#INTERVAL_MILLIS} ms). Depends on nothing.
 */
package dev.verpath.engine.progress;
