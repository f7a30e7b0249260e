/**
 * File primitives every other package builds on: durable writes and deletes
 * ({@link dev.verpath.engine.files.AtomicFiles}), the test seam for crashes
 * ({@link dev.verpath.engine.files.CrashPoints}), weight hashes ({@link dev.verpath.engine.files.HashCache}),
 * owners, private modes, hard-link and network file system probes, and the roles of a product's files
 * ({@link dev.verpath.engine.files.ProductFiles}). Knows nothing of migrations.
 */
package dev.verpath.engine.files;
