/**
 * Releases side by side behind a symbolic link ({@code version --into DEST --switch LINK}): the link pointed at a
 * release atomically ({@link dev.verpath.engine.release.ReleaseLink}), the journal of a switch in progress
 * ({@link dev.verpath.engine.release.SwitchJournal}), switching back ({@link dev.verpath.engine.release.SwitchBack}),
 * and the releases beside the one the link points at ({@link dev.verpath.engine.release.ReleaseLayout}).
 */
package dev.verpath.engine.release;
