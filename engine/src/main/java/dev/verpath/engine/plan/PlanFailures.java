package dev.verpath.engine.plan;

import dev.verpath.engine.EngineFailure;
import dev.verpath.engine.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.util.List;

/**
 * The one-line failures of planning, each naming what is known and ending in what to do. All carry
 * {@link ErrorCode#NO_PATH}.
 */
final class PlanFailures {

    private PlanFailures() {
    }

    static MigrationException unknownProduct(String product, List<String> known) {
        return new EngineFailure(ErrorCode.NO_PATH, "unknown product " + product + "; known products: "
                + listed(known) + "; give one of them with --product");
    }

    static MigrationException unknownSource(String product, String version, List<String> known) {
        return new EngineFailure(ErrorCode.NO_PATH, "unknown version " + version + " of " + product
                + "; known versions: " + listed(known) + "; give one of them with --from");
    }

    static MigrationException newerThanKnown(String product, String version, List<String> known) {
        return new EngineFailure(ErrorCode.NO_PATH, "version " + version + " of " + product
                + " is newer than every known version (newest " + known.get(known.size() - 1) + "); known versions: "
                + listed(known) + "; use a migrate or a plugin that knows " + version);
    }

    static MigrationException unknownTarget(String product, String version, List<String> known) {
        return new EngineFailure(ErrorCode.NO_PATH, "unknown version " + version + " of " + product
                + "; known versions: " + listed(known) + "; give one of them with --to");
    }

    static MigrationException onlyLossyPath(String product, String from, String to, List<String> lossyPath) {
        return new EngineFailure(ErrorCode.NO_PATH, "no path from " + from + " to " + to + " of " + product
                + " without lossy steps; a lossy path exists (" + String.join(" -> ", lossyPath)
                + "): pass --allow-lossy to take it");
    }

    static MigrationException unreachable(String product, String from, String to, List<String> reachable) {
        String tail = reachable.isEmpty()
                ? "; no version can be reached from " + from + ": install a plugin with rules that lead from it"
                : "; versions reachable from " + from + ": " + listed(reachable) + "; give one of them with --to";
        return new EngineFailure(ErrorCode.NO_PATH, "no path from " + from + " to " + to + " of " + product + tail);
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
