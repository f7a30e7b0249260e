package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.plan.MachineRequirements;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.validate.ProblemList;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Phase 1 of a run, prepare: look at the installation before any rule runs. Clears what an earlier run left in
 * staging, scans the live tree (what every later phase reads; a change to it before the commit stops the run),
 * refuses symbolic links out of the installation for the sub-commands, checks that the disks hold what the
 * whole run will write, and that the machine meets what the product requires of it. Writes nothing but the staging folder.
 */
final class PreparePhase {

    /**
     * What the later phases work from.
     *
     * @param live    the live tree as scanned
     * @param staging the folder the shadow run writes to: under {@code .migrate/staging}, or a temporary folder
     *                for a dry run
     */
    record Prepared(LiveTree live, Path staging) {

        /** Deletes the staging folder; a leftover one is removed by the next run. */
        void discardStaging() {
            discard(staging);
        }
    }

    private PreparePhase() {
    }

    /**
     * @param run     the run
     * @param started when it started (names the staging folder)
     * @return the scanned tree and the staging folder
     * @throws IOException when the tree cannot be read or the disks cannot be asked
     */
    static Prepared prepare(ResolvedRun run, Instant started) throws IOException {
        Path stagingRoot = run.installation().stateFolder().resolve("staging");
        if (!run.dryRun()) {
            discard(stagingRoot);
        }
        LiveTree live = LiveTree.scan(run.mounts(), Set.of(run.backup().folder()));
        if (run.scope() != Scope.VERSION) {
            // version refuses such a link in its source validation, naming the check; the sub-commands validate
            // only what they change, so they refuse it here rather than skip it
            refuseLinksOutside(live, run.installation().root());
        }
        if (!run.dryRun() && !run.plan().steps().isEmpty()) {
            long needs = Preflight.wholeRun(run.plan(), live, stagingRoot, run.backup().folder(), run.keepFree(),
                    run.backup().take(), run.backup().linkedWeights());
            MachineRequirements.refuseUnmet(MachineRequirements.check(run.requirements(), run.installation().root(), needs),
                    run.plan().product());
        }
        Path staging = run.dryRun()
                ? PrivateFiles.createUniqueFolder(Path.of(System.getProperty("java.io.tmpdir")), "verpath-dry-run-")
                : stagingRoot.resolve(Long.toString(started.toEpochMilli()));
        return new Prepared(live, staging);
    }

    /**
     * Refuses every symbolic link of the tree that points outside the installation, naming each (up to
     * {@link ProblemList#SHOWN}), so that one run tells the operator every link to fix.
     */
    private static void refuseLinksOutside(LiveTree live, Path root) throws IOException {
        List<LiveTree.Entry> escaping = live.linksOutside(root);
        if (escaping.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (LiveTree.Entry link : escaping) {
            named.add(link.real() + ": symbolic link points outside the installation, to " + Files.readSymbolicLink(link.real()));
        }
        throw new InputFailure(ErrorCode.VALIDATION_FAILED, ProblemList.of(named, "symbolic links that point outside the"
                + " installation") + "; nothing was changed; replace " + (named.size() == 1 ? "the link" : "each link")
                + " with a copy of what it points to, or point it at a path inside " + root);
    }

    private static void discard(Path folder) {
        try {
            AtomicFiles.deleteTree(folder);
        } catch (IOException e) {
            // a leftover staging folder is removed by the next run
        }
    }
}
