package dev.verpath.engine.validate;

import dev.verpath.engine.files.Glob;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.WriteAction;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace that refuses every write, and that can hide files: the data files a fused record pass already
 * carried past an intermediate step (their records were validated in memory instead).
 */
public final class ReadOnlyView implements Workspace {

    private final Workspace base;
    private final List<Glob> hidden;

    /**
     * @param base   the workspace to show
     * @param hidden globs of files to hide
     */
    public ReadOnlyView(Workspace base, Set<String> hidden) {
        this.base = base;
        this.hidden = hidden.stream().sorted().map(Glob::of).toList();
    }

    private boolean isHidden(String path) {
        return hidden.stream().anyMatch(g -> g.matches(path));
    }

    private static RuleFailure refused(String path) {
        return new RuleFailure(path, "validation may not write; the workspace is read-only");
    }

    @Override
    public boolean exists(String path) {
        return !isHidden(path) && base.exists(path);
    }

    @Override
    public boolean isFile(String path) {
        return !isHidden(path) && base.isFile(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return base.isDirectory(path);
    }

    @Override
    public Optional<String> symlinkTarget(String path) {
        return base.symlinkTarget(path);
    }

    @Override
    public List<String> files(String glob) throws IOException {
        return base.files(glob).stream().filter(p -> !isHidden(p)).toList();
    }

    @Override
    public List<String> children(String folder) throws IOException {
        return base.children(folder);
    }

    @Override
    public long size(String path) throws IOException {
        return base.size(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return base.open(path);
    }

    @Override
    public String sha256(String path) throws IOException {
        return base.sha256(path);
    }

    @Override
    public void write(String path, WriteAction action) {
        throw refused(path);
    }

    @Override
    public void move(String from, String to) {
        throw refused(from);
    }

    @Override
    public void delete(String path) {
        throw refused(path);
    }

    @Override
    public void symlink(String link, String target) {
        throw refused(link);
    }

    @Override
    public void hardLink(String path, String existing) {
        throw refused(path);
    }
}
