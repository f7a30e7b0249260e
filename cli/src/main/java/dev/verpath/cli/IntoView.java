package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanEstimator;
import dev.verpath.engine.release.IntoEstimate;
import java.nio.file.Path;
import java.util.List;

/** What {@code --into DEST} will cost ({@link IntoEstimate}), as {@code info --into} and the dry run print it. */
final class IntoView {

    private IntoView() {
    }

    /**
     * @param plan   the plan
     * @param source the installation
     * @param dest   the folder to build
     * @return the estimate
     */
    static IntoEstimate estimate(MigrationPlan plan, Path source, Path dest) {
        return IntoEstimate.of(source, dest, plan.estimate().orElseGet(() -> new PlanEstimator().estimate(plan, source)));
    }

    /**
     * @param e the estimate
     * @return the lines
     */
    static List<String> text(IntoEstimate e) {
        String free = e.diskFree().isPresent() ? Units.bytes(e.diskFree().getAsLong()) + " free" : "free space unknown";
        return List.of(
                "side by side into " + Invocation.display(e.dest()) + " (the installation is never written; no backup):",
                "  " + e.files() + " file(s), " + Units.bytes(e.bytes()) + ": " + (e.sameFileSystem()
                        ? "hard-linked (the same file system: no byte copied)"
                        : "copied and checked (another file system)"),
                "  disk needed " + Units.bytes(e.diskNeeded()) + " (what the rules write" + (e.sameFileSystem() ? ""
                        : ", and the copies") + "), " + free + ": " + (e.fits() ? "enough" : "NOT ENOUGH, free some"
                        + " space first"));
    }

    /**
     * @param e the estimate
     * @return the JSON object
     */
    static ObjectNode json(IntoEstimate e) {
        ObjectNode node = Output.object();
        node.put("dest", Invocation.display(e.dest()));
        node.put("files", e.files());
        node.put("bytes", e.bytes());
        node.put("linked", e.sameFileSystem());
        node.put("diskNeeded", e.diskNeeded());
        if (e.diskFree().isPresent()) {
            node.put("diskFree", e.diskFree().getAsLong());
        } else {
            node.putNull("diskFree");
        }
        node.put("fits", e.fits());
        return node;
    }
}
