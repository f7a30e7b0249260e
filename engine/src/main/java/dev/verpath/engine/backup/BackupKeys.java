package dev.verpath.engine.backup;

import dev.verpath.engine.settings.EngineSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of encrypted backups: the recipients a new backup's archive is encrypted to ({@code [backup] encrypt_to},
 * OpenPGP public key files) and the identity an encrypted one is read with ({@code --identity FILE},
 * {@code $MIGRATE_BACKUP_IDENTITY}, {@code [backup] identity}: an OpenPGP secret key file, its passphrase in
 * {@code $MIGRATE_BACKUP_PASSPHRASE} when it has one). Only the archive part of a backup (config, data, everything
 * that is not a weight) is encrypted; weights stay linked or cloned, and no key is ever written into a backup.
 *
 * @param recipients the public key files new backups are encrypted to; empty: not encrypted
 * @param identity   the secret key file encrypted backups are read with, when one is set
 */
public record BackupKeys(List<Path> recipients, Optional<Path> identity) {

    /** No encryption, no identity. */
    public static final BackupKeys NONE = new BackupKeys(List.of(), Optional.empty());

    /** The settings of the recipients and the identity. */
    public static final String RECIPIENTS = "backup.encrypt_to";

    /** The setting of the identity. */
    public static final String IDENTITY = "backup.identity";

    /** Copies the list. */
    public BackupKeys {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(identity, "identity");
    }

    /**
     * @param settings the effective settings
     * @return the keys they name
     */
    public static BackupKeys of(EngineSettings settings) {
        List<Path> files = Arrays.stream(settings.value(RECIPIENTS).orElse("").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new BackupKeys(files, settings.value(IDENTITY).filter(s -> !s.isBlank()).map(Path::of));
    }

    /**
     * @param backup a backup folder
     * @return whether its archive is encrypted (needs an identity to be read)
     */
    public static boolean encrypted(Path backup) {
        return BackupArchive.NAMES.stream().filter(n -> n.endsWith(PgpArchive.SUFFIX))
                .anyMatch(n -> java.nio.file.Files.isRegularFile(backup.resolve(n)));
    }

    /** @return whether new backups are encrypted */
    public boolean encrypts() {
        return !recipients.isEmpty();
    }

    /** @return the identity's passphrase, from {@code $MIGRATE_BACKUP_PASSPHRASE}; empty for a key without one */
    char[] passphrase() {
        return Optional.ofNullable(System.getenv("MIGRATE_BACKUP_PASSPHRASE")).orElse("").toCharArray();
    }
}
