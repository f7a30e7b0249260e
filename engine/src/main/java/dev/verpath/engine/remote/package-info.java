/**
 * Backups off the machine: pushing a finished backup to an S3-compatible object store or a folder (a mounted share),
 * pulling one back into a backup store, and listing what a remote holds. A remote backup is its archive, its
 * weight files (kept once per content hash, shared by every backup) and its manifest, written last: a backup whose
 * manifest is not there is not listed. Every object is checked against its SHA-256 after it is sent and when it is
 * fetched.
 */
package dev.verpath.engine.remote;
