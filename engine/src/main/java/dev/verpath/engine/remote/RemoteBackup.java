package dev.verpath.engine.remote;

import java.time.Instant;

/**
 * A complete backup on a remote (its manifest is there), as {@code backups list --remote} shows it. Immutable.
 *
 * @param id        the backup id
 * @param created   when it was taken
 * @param product   the product
 * @param from      the version before the migration
 * @param to        the version the migration aimed at
 * @param entries   how many entries it holds
 * @param where     where its manifest lies, as a URL
 */
public record RemoteBackup(String id, Instant created, String product, String from, String to, int entries,
                           String where) {
}
