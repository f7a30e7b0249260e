package dev.verpath.engine.validate;

import dev.verpath.engine.files.RelativePath;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The engine's performance checks, for every product: pickle weights without a safetensors twin, folders of
 * very many small files, and data files large enough to split. The limits come from {@link Thresholds}.
 */
final class PerformanceChecks {

    /** Pickle weight formats a safetensors file can replace. */
    private static final Set<String> CONVERTIBLE = Set.of("bin", "pt", "pth", "ckpt");

    private PerformanceChecks() {
    }

    /**
     * @param thresholds the limits
     * @return the checks
     */
    static List<TreeCheck> all(Thresholds thresholds) {
        return List.of(
                TreeCheck.of(describe("no-safetensors", "Safetensors weights", "Flags a pickle weight file (.bin, .pt, "
                        + ".pth, .ckpt) with no safetensors file of the same name beside it: safetensors loads faster, "
                        + "memory-mapped, and runs no code."), PerformanceChecks::withoutTwin),
                TreeCheck.of(describe("many-small-files", "Few small files a folder", "Flags a folder that holds at least "
                        + "validation.small_files_per_folder files under validation.small_file_bytes each."),
                        (tree, d) -> smallFiles(tree, d, thresholds)),
                TreeCheck.of(describe("large-data-file", "Data files of a manageable size", "Flags a data file larger than "
                        + "validation.split_file_bytes."), (tree, d) -> largeData(tree, d, thresholds)));
    }

    private static ValidationDescriptor describe(String name, String displayName, String description) {
        return TreeCheck.describe("engine.performance." + name, displayName, description, ValidationCategory.PERFORMANCE,
                Severity.INFO);
    }

    private static List<Finding> withoutTwin(TreeScan tree, ValidationDescriptor d) {
        Set<String> files = tree.entries().stream().filter(e -> e.kind() == TreeScan.Kind.FILE)
                .map(TreeScan.Entry::path).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            boolean inModels = !tree.productKnown() || tree.isModelFile(e.path());
            String extension = SecurityChecks.extension(e.name());
            if (e.kind() != TreeScan.Kind.FILE || !inModels || !CONVERTIBLE.contains(extension)) {
                continue;
            }
            String stem = e.name().substring(0, e.name().length() - extension.length() - 1);
            List<String> twins = twins(stem).stream().map(t -> RelativePath.join(e.parent(), t)).toList();
            if (twins.stream().noneMatch(files::contains)) {
                findings.add(Finding.of(d, e.path(), null, e.name() + " has no safetensors twin: it loads slower than "
                        + "safetensors (no memory mapping) and must be unpickled", "Convert it to " + twins.get(0)
                        + " beside it; keep the pickle only while a tool still needs it."));
            }
        }
        return findings;
    }

    /** The names a safetensors twin may have: the same stem, or the Hugging Face name for a pytorch_model file. */
    private static List<String> twins(String stem) {
        List<String> names = new ArrayList<>();
        if (stem.startsWith("pytorch_model")) {
            names.add("model" + stem.substring("pytorch_model".length()) + ".safetensors");
        }
        names.add(stem + ".safetensors");
        return names;
    }

    private static List<Finding> smallFiles(TreeScan tree, ValidationDescriptor d, Thresholds t) {
        Map<String, Long> counts = new TreeMap<>();
        for (TreeScan.Entry e : tree.entries()) {
            if (e.kind() == TreeScan.Kind.FILE && e.size() < t.smallFileBytes()) {
                counts.merge(e.parent(), 1L, Long::sum);
            }
        }
        List<Finding> findings = new ArrayList<>();
        counts.forEach((folder, n) -> {
            if (n >= t.smallFilesPerFolder()) {
                findings.add(Finding.of(d, folder, null, "folder holds " + n + " files under " + bytes(t.smallFileBytes())
                        + " each: listing, copying and backing them up costs a file-system call each", "Pack them into "
                        + "a few larger files (an archive, shards, a JSONL file), or raise validation.small_files_per_folder "
                        + "if this layout is intended."));
            }
        });
        return findings;
    }

    private static List<Finding> largeData(TreeScan tree, ValidationDescriptor d, Thresholds t) {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry e : tree.entries()) {
            if (e.kind() == TreeScan.Kind.FILE && tree.isDataFile(e.path()) && e.size() > t.splitFileBytes()) {
                findings.add(Finding.of(d, e.path(), null, "data file is " + bytes(e.size()) + ", over "
                        + bytes(t.splitFileBytes()) + ": a backup, a copy or a failed run handles it all at once",
                        "Split it into files under " + bytes(t.splitFileBytes()) + " (one a day, say); records may be "
                                + "spread over any number of files."));
            }
        }
        return findings;
    }

    /**
     * @param n a byte count
     * @return it in B, KiB, MiB or GiB, whichever reads best
     */
    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v == Math.floor(v) ? String.format(Locale.ROOT, "%d %s", (long) v, units[u])
                : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
