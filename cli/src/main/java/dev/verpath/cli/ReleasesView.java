package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.release.Release;
import java.util.List;

/** Releases behind a link as text (a table) and as JSON. */
final class ReleasesView {

    private ReleasesView() {
    }

    /**
     * @param releases the releases, oldest first
     * @return one line per release under a header
     */
    static List<String> table(List<Release> releases) {
        Table table = new Table("role", "version", "built", "folder", "built from");
        releases.forEach(r -> table.row(r.role(), r.version().orElse("-"), Units.instant(r.built()),
                Invocation.display(r.folder()), r.builtFrom().map(Invocation::display).orElse("-")));
        return table.lines("  ");
    }

    /**
     * @param releases the releases
     * @param into     the array to fill, one object per release
     */
    static void json(List<Release> releases, ArrayNode into) {
        for (Release r : releases) {
            ObjectNode node = into.addObject();
            node.put("folder", Invocation.display(r.folder()));
            node.put("product", r.product());
            r.version().ifPresentOrElse(v -> node.put("version", v), () -> node.putNull("version"));
            node.put("role", r.role());
            node.put("built", r.built().toString());
            r.builtFrom().ifPresentOrElse(f -> node.put("builtFrom", Invocation.display(f)), () -> node.putNull("builtFrom"));
        }
    }
}
