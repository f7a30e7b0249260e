package dev.verpath.engine.reuse;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.journal.RuleChecksum;
import dev.verpath.engine.records.RecordPipeline;
import dev.verpath.engine.records.RecordRun;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What names one record pass for the step cache: everything besides a file's bytes and path that decides what the
 * pass writes and reports for it. The product, whether lossy steps are allowed, {@code max_record_bytes}, every flag
 * of the run (a flag no rule reads changes the key too: safe, if sometimes a miss), each stage's versions, the
 * {@link RuleChecksum} and id of each of its rules and the ids of its record checks, the source version's checks, and
 * the SHA-256 of the code that runs them all (the engine's record pipeline, every rule set's jar and the jars of its
 * plugin, see {@code CodeIdentity}): a rule whose code changed never reuses an output of the old code. Stateless.
 */
public final class PassKey {

    /** Changes when the engine changes what an entry means. */
    static final String FORMAT = "verpath-stepcache 3";

    private PassKey() {
    }

    /**
     * @param stages   the pass's steps, in order, with their rules and checks
     * @param source   the source version's checks, when each record is checked as it is read
     * @param run      the product, the flags and the settings every rule's context gives
     * @param ruleSets the classes of the loaded rule sets (their jars hold the code of every check)
     * @param code     the SHA-256 of the code some classes are loaded from; empty when it cannot be read
     * @return the key, 64 hex digits; empty when the code cannot be named (then nothing is kept or reused)
     */
    public static Optional<String> of(List<RecordPipeline.Stage> stages, Optional<RecordPipeline.Stage> source,
                                      RecordRun run, Collection<Class<?>> ruleSets,
                                      Function<Collection<Class<?>>, Optional<String>> code) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(run.product()).append('\n')
                .append("lossy=").append(run.lossyAllowed()).append('\n')
                .append("max_record_bytes=").append(run.maxRecordBytes()).append('\n');
        new TreeMap<>(run.flags()).forEach((k, v) -> text.append("flag ").append(k).append('=').append(v).append('\n'));
        List<Class<?>> classes = new ArrayList<>(ruleSets);
        classes.add(RecordPipeline.class);
        for (RecordPipeline.Stage stage : stages) {
            describe(text.append("stage"), stage, classes);
        }
        source.ifPresent(s -> describe(text.append("source"), s, classes));
        Optional<String> identity = code.apply(classes);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        text.append("code ").append(identity.get()).append('\n');
        return Optional.of(HashCache.hashText(text.toString()));
    }

    private static void describe(StringBuilder text, RecordPipeline.Stage stage, List<Class<?>> classes) {
        text.append(' ').append(stage.from()).append(" -> ").append(stage.to()).append('\n');
        for (RecordRule rule : stage.rules()) {
            text.append("  rule ").append(rule.descriptor().id()).append(' ').append(RuleChecksum.of(rule)).append('\n');
            classes.add(rule.getClass());
        }
        for (RecordCheck check : stage.checks()) {
            text.append("  check ").append(check.descriptor()).append(" ").append(check.getClass().getName())
                    .append('\n');
            classes.add(check.getClass());
        }
    }

}
