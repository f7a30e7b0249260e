package dev.verpath.builtin.model;

import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --optimize} of model migration: identical weight files (same size and SHA-256) anywhere
 * under {@code models/} become hard links to the first of them by path. Only files whose size another
 * weight file shares are hashed. Counts {@code bytes_saved} (the size of every file replaced by a
 * link) and {@code files_linked}. Stateless.
 */
final class WeightDedupe {

    private WeightDedupe() {
    }

    /**
     * Links identical weight files.
     *
     * @param workspace the installation
     * @param report    where the counters go
     * @return the bytes saved
     * @throws IOException when a file cannot be read or linked
     */
    static long run(Workspace workspace, RuleReport report) throws IOException {
        Map<Long, List<String>> bySize = new TreeMap<>();
        for (String path : workspace.files(ServeLayout.MODELS_GLOB)) {
            if (ModelFolder.weightFormat(path) != null) {
                long size = workspace.size(path);
                if (size > 0) {
                    bySize.computeIfAbsent(size, s -> new ArrayList<>()).add(path);
                }
            }
        }
        long saved = 0;
        long linked = 0;
        for (Map.Entry<Long, List<String>> group : bySize.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            Map<String, String> firstByHash = new LinkedHashMap<>();
            for (String path : group.getValue()) {
                String first = firstByHash.putIfAbsent(workspace.sha256(path), path);
                if (first != null) {
                    workspace.hardLink(path, first);
                    saved += group.getKey();
                    linked++;
                }
            }
        }
        report.count("bytes_saved", saved);
        report.count("files_linked", linked);
        return saved;
    }
}
