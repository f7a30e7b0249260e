package dev.verpath.engine.execute;

import dev.verpath.engine.records.FileOutcome;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A pass's kept outputs, with each live file the pass migrates seen on its way by the shadow workspace's live reads
 * ({@link ShadowWorkspace#seeLiveReads}: the backup's archive, begun before the shadow run), below the kept outputs'
 * own hashing, so that both see the same bytes. One pass, one thread.
 */
final class LiveReadOutputs implements KeptOutputs {

    private final KeptOutputs kept;
    private final ShadowWorkspace shadow;

    /**
     * @param kept   the pass's kept outputs
     * @param shadow the shadow run's workspace
     */
    LiveReadOutputs(KeptOutputs kept, ShadowWorkspace shadow) {
        this.kept = kept;
        this.shadow = shadow;
    }

    @Override
    public Optional<Kept> find(Workspace workspace, String path) throws IOException {
        return kept.find(workspace, path);
    }

    @Override
    public Keeping keep(String path) {
        Keeping inner = kept.keep(path);
        return new Keeping() {
            @Override
            public InputStream reading(InputStream in) {
                InputStream seen = in;
                try {
                    seen = shadow.readingWhole(path, in, inner.remembersInputHash());
                } catch (IOException e) {
                    // the file cannot be examined: the pass reads it (and meets the problem) unseen
                }
                return inner.reading(seen);
            }

            @Override
            public OutputStream writing(OutputStream out) {
                return inner.writing(out);
            }

            @Override
            public void kept(FileOutcome outcome) {
                inner.kept(outcome);
            }

            @Override
            public void abandon() {
                inner.abandon();
            }

            @Override
            public boolean remembersInputHash() {
                return inner.remembersInputHash();
            }
        };
    }
}
