package dev.verpath.engine.workspace;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.verpath.engine.model.FileChange.Kind;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.workspace.Pending.Content;
import dev.verpath.engine.workspace.Pending.Gone;
import dev.verpath.engine.workspace.Pending.HardLink;
import dev.verpath.engine.workspace.Pending.Link;
import dev.verpath.engine.workspace.Pending.Origin;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a shadow run's pending changes into the list a user reads: created, changed, moved, deleted and
 * linked files, sorted by path, with a unified diff for text files when asked.
 */
public final class ChangeList {

    /** Files larger than this get no diff. */
    public static final long DIFF_LIMIT = 256 * 1024;

    private ChangeList() {
    }

    /**
     * @param shadow    the shadow run
     * @param withDiffs whether to compute unified diffs of text files
     * @return the changes, sorted by path
     * @throws IOException when a file cannot be read for its diff
     */
    public static List<FileChange> of(ShadowWorkspace shadow, boolean withDiffs) throws IOException {
        Set<String> moveSources = new HashSet<>();
        shadow.pending().values().forEach(p -> {
            if (p instanceof Origin o) {
                moveSources.add(o.livePath());
            }
        });
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, Pending> e : shadow.pending().entrySet()) {
            String path = e.getKey();
            Pending p = e.getValue();
            Optional<Path> old = shadow.live().entry(path).filter(x -> x.type() == LiveTree.Type.FILE).map(LiveTree.Entry::real);
            if (p instanceof Content c) {
                Kind kind = old.isPresent() ? Kind.CHANGED : Kind.CREATED;
                Optional<String> diff = withDiffs ? Optional.of(diff(path, old, c.staged())) : Optional.empty();
                changes.add(new FileChange(kind, path, Optional.empty(), diff));
            } else if (p instanceof Origin o && !o.livePath().equals(path)) {
                changes.add(new FileChange(Kind.MOVED, path, Optional.of(o.livePath()), Optional.empty()));
            } else if (p instanceof Link l) {
                changes.add(new FileChange(Kind.SYMLINKED, path, Optional.of(l.target()), Optional.empty()));
            } else if (p instanceof HardLink h) {
                changes.add(new FileChange(Kind.LINKED, path, Optional.of(h.existing()), Optional.empty()));
            } else if (p instanceof Gone && !moveSources.contains(path)) {
                changes.add(new FileChange(Kind.DELETED, path, Optional.empty(), Optional.empty()));
            }
        }
        return List.copyOf(changes);
    }

    private static String diff(String path, Optional<Path> old, Path now) throws IOException {
        Optional<String> before = old.isPresent() ? text(old.get()) : Optional.of("");
        Optional<String> after = text(now);
        if (before.isEmpty() || after.isEmpty()) {
            long size = Files.size(now);
            return "(no diff shown: binary or over " + DIFF_LIMIT / 1024 + " KiB, " + size + " bytes)";
        }
        List<String> a = lines(before.get());
        List<String> b = lines(after.get());
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                old.isPresent() ? "a/" + path : "/dev/null", "b/" + path, a, patch, 3);
        return String.join("\n", unified);
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static Optional<String> text(Path file) throws IOException {
        if (Files.size(file) > DIFF_LIMIT) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
