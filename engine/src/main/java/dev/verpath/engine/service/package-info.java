/**
 * Services around a run: the operator's hooks ({@link dev.verpath.engine.service.HookRunner} runs one command of a
 * {@link dev.verpath.engine.settings.HookPhase} with a timeout, its output to the log, and reports a
 * {@link dev.verpath.engine.service.HookResult}) and the health gate ({@link dev.verpath.engine.service.HealthGate}
 * runs the health command until it succeeds or its attempts are spent). What runs comes from the settings
 * ({@link dev.verpath.engine.settings.HookSettings}); when it runs is the caller's. Uses settings, log, failure and
 * files only.
 */
package dev.verpath.engine.service;
