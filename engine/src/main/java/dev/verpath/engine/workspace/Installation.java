package dev.verpath.engine.workspace;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.VersionFileProblem;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.engine.files.SymbolicLinks;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An installation on disk: its root, its state folder, its product and recorded version. Immutable; read
 * once per command.
 *
 * @param root             the installation root
 * @param product          the product: the one VERSION names ({@code <product> <version>}), else the one the
 *                         history records, else {@code serve}
 * @param version          the recorded version: the history's last, else VERSION's, when there is one
 * @param productInVersion whether VERSION names the product (it keeps doing so when rewritten)
 * @param productKnown     whether VERSION or the history names the product (false: {@code serve} by default)
 */
public record Installation(Path root, String product, Optional<String> version, boolean productInVersion,
                           boolean productKnown) {

    /** The product of an installation whose VERSION names none. */
    public static final String DEFAULT_PRODUCT = "serve";

    /** The version file at an installation root. */
    public static final String VERSION_FILE = "VERSION";

    /** @return the engine's state folder, {@code <root>/.migrate} */
    public Path stateFolder() {
        return root.resolve(LiveTree.STATE_FOLDER);
    }

    /**
     * @param backupDir the backup folder set ({@code --backup-dir}, {@code [backup] dir}), when one is
     * @return the folder this installation's backups are kept in: the one set, else {@code .migrate/backups}
     */
    public Path backupFolder(Optional<Path> backupDir) {
        return backupDir.orElse(stateFolder().resolve("backups")).toAbsolutePath().normalize();
    }

    /**
     * Reads the installation at a root.
     *
     * @param root the root folder
     * @return the installation
     * @throws MigrationException when VERSION cannot be read; {@link VersionFileProblem} when it is not a version
     */
    public static Installation at(Path root) {
        return read(root, true);
    }

    /**
     * Reads the installation at a root from its history alone, as {@code migrate validate} does when VERSION
     * itself is what is wrong (so the rest can still be checked): product and version as the history records
     * them, else {@code serve} and none.
     *
     * @param root the root folder
     * @return the installation
     */
    public static Installation ignoringVersionFile(Path root) {
        return read(root, false);
    }

    private static Installation read(Path root, boolean readVersionFile) {
        // a root given as a symbolic link is the folder it points at: every walk of the tree starts there (a walk
        // does not follow links), and the lock and state folder are that folder's, whichever name reached it
        Path absolute = SymbolicLinks.followed(root.toAbsolutePath().normalize());
        if (!Files.isDirectory(absolute)) {
            throw new InputFailure(ErrorCode.USAGE, absolute + ": not a folder; give the installation root with --path");
        }
        Path versionFile = absolute.resolve(VERSION_FILE);
        String product = DEFAULT_PRODUCT;
        Optional<String> version = Optional.empty();
        boolean named = false;
        if (readVersionFile && Files.isRegularFile(versionFile)) {
            String first = firstLine(versionFile);
            String[] words = first.split("\\s+");
            if (first.isEmpty() || words.length > 2) {
                throw new VersionFileProblem(versionFile, "expected '<version>' or '<product> <version>', found '"
                        + first + "'", "fix the file");
            }
            if (words.length == 2) {
                product = words[0];
                version = Optional.of(words[1]);
                named = true;
            } else {
                version = Optional.of(words[0]);
            }
            if (!VersionText.isVersion(version.get())) {
                throw new VersionFileProblem(versionFile, "'" + Excerpt.of(version.get())
                        + "' is not a version (expected one like 2.1.0)", "write the installation's version there"
                        + (named ? ", after its product" : ""));
            }
        }
        List<HistoryEntry> history = History.in(absolute.resolve(LiveTree.STATE_FOLDER)).read();
        Optional<String> recorded = History.recordedVersion(history);
        Optional<String> historyProduct = History.recordedProduct(history);
        if (named && historyProduct.isPresent() && !historyProduct.get().equals(product)) {
            throw new VersionFileProblem(versionFile, "names product '" + product + "', but "
                    + absolute.resolve(LiveTree.STATE_FOLDER).resolve(History.FILE) + " records product '" + historyProduct.get()
                    + "'", "put the right product in VERSION ('" + historyProduct.get() + " <version>') or check that .migrate/"
                    + " belongs to this installation");
        }
        if (!named && historyProduct.isPresent()) {
            product = historyProduct.get();
        }
        return new Installation(absolute, product, recorded.isPresent() ? recorded : version, named,
                named || historyProduct.isPresent());
    }

    private static String firstLine(Path versionFile) {
        try {
            return Files.readString(versionFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            throw new EnvironmentFailure(versionFile + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Where the recorded version comes from, for a message about it: the history when it records one, else
     * VERSION's first line.
     *
     * @return {@code <root>/.migrate/history.jsonl} or {@code <root>/VERSION:1}
     */
    public String versionSource() {
        Path history = stateFolder().resolve(History.FILE);
        return History.recordedVersion(History.in(stateFolder()).read()).isPresent() ? history.toString()
                : root.resolve(VERSION_FILE) + ":1";
    }

    /**
     * The product a command works on: the one asked for, which must agree with the one VERSION or the history
     * names; else the installation's.
     *
     * @param asked the {@code --product} given, when one was
     * @return the product
     * @throws MigrationException when the product asked for is not the installation's
     */
    public String product(Optional<String> asked) {
        if (asked.isPresent() && productKnown && !asked.get().equals(product)) {
            throw new InputFailure(ErrorCode.USAGE, root.resolve(productInVersion ? VERSION_FILE
                    : LiveTree.STATE_FOLDER + "/" + History.FILE) + ": this installation is product '" + product
                    + "', not '" + asked.get() + "'; drop --product, or give the installation of '" + asked.get() + "'");
        }
        return asked.orElse(product);
    }

    /**
     * The installation a file or folder belongs to: the nearest folder at or above it that holds VERSION or
     * {@code .migrate/}; else the folder itself (or a file's folder).
     *
     * @param target a file or folder
     * @return the installation
     */
    public static Installation around(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        for (Path p = Files.isDirectory(absolute) ? absolute : absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(VERSION_FILE)) || Files.isDirectory(p.resolve(LiveTree.STATE_FOLDER))) {
                return at(p);
            }
        }
        return at(Files.isDirectory(absolute) ? absolute : absolute.getParent());
    }

    /**
     * The text of VERSION at a version. It names the product when it did before, and always for a product
     * other than {@code serve}: a bare version means {@code serve}, so a {@code wan} installation written bare
     * would change its identity.
     *
     * @param migrated   the product migrated
     * @param newVersion the version
     * @return the file content with a final newline
     */
    public String versionFileText(String migrated, String newVersion) {
        return (productInVersion || !migrated.equals(DEFAULT_PRODUCT) ? migrated + " " : "") + newVersion + "\n";
    }

    /**
     * Written out, not the record's generated one: its first call links a method handle (about 9 ms of every
     * migration, which compares the installation it resolved before the lock with the one it reads under it).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Installation o && root.equals(o.root) && product.equals(o.product)
                && version.equals(o.version) && productInVersion == o.productInVersion && productKnown == o.productKnown;
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, product, version, productInVersion, productKnown);
    }
}
