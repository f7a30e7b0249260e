/**
 * Putting a backup back: {@code migrate rollback}, the recovery of an interrupted migration and a commit that
 * failed all restore through here. {@link dev.verpath.engine.restore.Rollback} chooses the backup and takes the
 * lock; {@link dev.verpath.engine.restore.InstallationRollback} then runs the restore's phases in the order they
 * happen (verify and stage the backup, begin the journal, apply it to the live tree, record the history and end
 * the journal). {@link dev.verpath.engine.restore.InterruptedMigration} reads the journal a crash left. Taking and
 * reading backups stays in {@code dev.verpath.engine.backup}, which this package uses and which never uses it.
 */
package dev.verpath.engine.restore;
