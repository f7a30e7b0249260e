package dev.verpath.engine.plan;

import dev.verpath.engine.failure.NoPathFailure.Missing;
import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.rules.MigrationException;
import java.util.List;

/**
 * The one-line failures of planning, each naming what is known and ending in what to do: each a
 * {@link NoPathFailure} that says what is missing.
 */
final class PlanFailures {

    private PlanFailures() {
    }

    static MigrationException unknownProduct(String product, List<String> known) {
        return new NoPathFailure("unknown product " + product + "; known products: "
                + listed(known) + "; give one of them with --product", product, Missing.PRODUCT, known, List.of());
    }

    static MigrationException unknownSource(String product, String version, List<String> known, List<String> ranges) {
        String tail = ranges.isEmpty() ? "; give one of them with --from"
                : "; no range edge covers it (ranges: " + String.join(", ", ranges)
                + "); give a known version, or one a range covers, with --from";
        return new NoPathFailure("unknown version " + version + " of " + product
                + "; known versions: " + listed(known) + tail, product, Missing.SOURCE, known, List.of());
    }

    static MigrationException newerThanKnown(String product, String version, List<String> known) {
        return new NoPathFailure("version " + version + " of " + product
                + " is newer than every known version (newest " + known.get(known.size() - 1) + "); known versions: "
                + listed(known) + "; use a migrate or a plugin that knows " + version, product, Missing.SOURCE, known, List.of());
    }

    static MigrationException unknownTarget(String product, String version, List<String> known) {
        return new NoPathFailure("unknown version " + version + " of " + product
                + "; known versions: " + listed(known) + "; give one of them with --to", product, Missing.TARGET, known, List.of());
    }

    static MigrationException onlyLossyPath(String product, String from, String to, List<String> lossyPath) {
        return new NoPathFailure("no path from " + from + " to " + to + " of " + product
                + " without lossy steps; a lossy path exists (" + String.join(" -> ", lossyPath)
                + "): pass --allow-lossy to take it", product, Missing.PATH, List.of(), List.of());
    }

    static MigrationException unreachable(String product, String from, String to, List<String> reachable) {
        String tail = reachable.isEmpty()
                ? "; no version can be reached from " + from + ": install a plugin with rules that lead from it"
                : "; versions reachable from " + from + ": " + listed(reachable) + "; give one of them with --to";
        return new NoPathFailure("no path from " + from + " to " + to + " of " + product + tail, product, Missing.PATH,
                List.of(), reachable);
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
