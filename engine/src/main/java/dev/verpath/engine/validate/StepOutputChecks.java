package dev.verpath.engine.validate;

import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.Pending;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's content checks ({@link EngineChecks#content()}) on the files a shadow run has written so far, as they
 * are after the latest step: the config files a rule changed or created, the metadata it wrote. They run after each
 * step, before anything is committed, so that a rule cannot bring in what the source validation would refuse.
 * Immutable.
 *
 * @param findings what the checks found in the written files, sorted
 * @param before   what they found in the same files before the migration (check, path and message of each)
 */
public record StepOutputChecks(List<Finding> findings, Set<String> before) {

    /** Copies the collections. */
    public StepOutputChecks {
        findings = List.copyOf(findings);
        before = Set.copyOf(before);
    }

    /**
     * Checks the written files, and the same files as they were.
     *
     * @param shadow the shadow run
     * @param root   the installation root
     * @param files  the roles of the product's files; {@link ProductFiles#NONE} when the product is unknown
     * @return the result
     * @throws IOException when a file cannot be read
     */
    public static StepOutputChecks of(ShadowWorkspace shadow, Path root, ProductFiles files) throws IOException {
        List<TreeScan.Entry> written = new ArrayList<>();
        List<TreeScan.Entry> originals = new ArrayList<>();
        for (Map.Entry<String, Pending> change : shadow.pending().entrySet()) {
            String path = change.getKey();
            if (change.getValue() instanceof Pending.Gone || change.getValue() instanceof Pending.Link || !shadow.isFile(path)) {
                continue;
            }
            Path now = shadow.readable(path);
            written.add(new TreeScan.Entry(path, now, TreeScan.Kind.FILE, Files.size(now), Optional.empty()));
            Optional<LiveTree.Entry> was = shadow.live().entry(path).filter(e -> e.type() == LiveTree.Type.FILE);
            if (was.isPresent()) {
                originals.add(new TreeScan.Entry(path, was.get().real(), TreeScan.Kind.FILE, was.get().size(), Optional.empty()));
            }
        }
        Set<String> before = new HashSet<>();
        run(new TreeScan(root, files, originals)).forEach(f -> before.add(key(f)));
        List<Finding> findings = run(new TreeScan(root, files, written));
        findings.sort(InstallationValidator.ORDER);
        return new StepOutputChecks(findings, before);
    }

    private static List<Finding> run(TreeScan tree) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (tree.entries().isEmpty()) {
            return findings;
        }
        for (TreeCheck check : EngineChecks.content()) {
            findings.addAll(check.check(tree));
        }
        return findings;
    }

    /**
     * @param finding one of {@link #findings()}
     * @return true when the source had no such finding in that file (the same check and message, on any line)
     */
    public boolean introduced(Finding finding) {
        return !before.contains(key(finding));
    }

    private static String key(Finding f) {
        return f.ruleId() + "\n" + f.path() + "\n" + f.message();
    }
}
