package dev.verpath.engine.records;

import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edits of every stage fused into one plan for the records of one shape (the same top-level names in the same
 * order), compiled from the step-by-step run of the first such record ({@link EditTrace}): what the renames, moves,
 * sets and removals of all steps leave is one {@link RecordTemplate} (a rename chain and a move are one field in its
 * final place; fields no step touched are copied as byte ranges, and a line no edit changes is written as read); per
 * record, only the values the edits compute are computed, in the order the steps computed them, each from the record
 * as it was at that point, and the stages' record checks read the record as it left their stage
 * ({@link PlanView}). The same bytes, values, warnings and failures as the step-by-step run. Not thread-safe: one per
 * worker.
 */
final class FusedPlan implements EditTrace, MigratedRecord {

    /** One thing done per record, in the order the steps did it. */
    private record Step(StageContext context, RecordEdit edit, int source, int sourceSlot, PlanView view,
                        RecordPipeline.Stage stage, RecordCheck check) {
    }

    private final String path;
    private final String[] shape;
    private final List<RecordField> read;
    private final List<Step> steps = new ArrayList<>();
    private Step[] order = new Step[0];
    /** Per step of {@link #order} that is a check: its passing answers, once remembered ({@link RememberedCheck}). */
    private RememberedCheck[] remembered = new RememberedCheck[0];
    private boolean[] tried = new boolean[0];
    private final List<StageContext> contexts = new ArrayList<>();
    private RecordTemplate output;
    private StageContext context;
    private boolean warned;
    private Optional<String> notFusable = Optional.empty();
    private JsonValue[] values = new JsonValue[0];
    private final LazyRecord written = LazyRecord.over(null);
    /** The final layout as a list of ranges and values, recorded from the first record the plan migrates. */
    private CompiledLayout layout;
    private boolean layoutRecorded;
    LazyRecord input;
    long generation;

    /**
     * A plan to compile from the step-by-step run of one record.
     *
     * @param path   the file
     * @param record the record, as read (before any edit)
     */
    FusedPlan(String path, LazyRecord record) {
        this.path = path;
        this.read = new ArrayList<>(record.root().fields);
        this.shape = new String[read.size()];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = read.get(k).name;
        }
        this.input = record;
    }

    /** @return the top-level names of the records this plan is for */
    String[] shape() {
        return shape;
    }

    /**
     * Ends the compilation, once the step-by-step run of the record is done.
     *
     * @param record the record as the steps left it
     * @return why no plan can be made of the run, or empty when it is made
     */
    Optional<String> finish(LazyRecord record) {
        if (warned) {
            return Optional.of("an edit dropped a field");
        }
        if (notFusable.isPresent()) {
            return notFusable;
        }
        try {
            output = RecordTemplate.of(record.root(), read);
        } catch (RecordTemplate.NotFusable e) {
            return Optional.of(e.getMessage());
        }
        values = new JsonValue[values.length];
        order = steps.toArray(Step[]::new);
        remembered = new RememberedCheck[order.length];
        tried = new boolean[order.length];
        return Optional.empty();
    }

    /**
     * Migrates a record of this plan's shape: its computed values and its stages' checks, in the steps' order.
     *
     * @param record the record as read; left as it is
     * @param line   its line
     * @return the record to write
     * @throws RuleFailure when an edit fails or the record does not match a stage's version
     */
    MigratedRecord run(LazyRecord record, long line) {
        input = record;
        generation++;
        for (StageContext c : contexts) {
            c.line = line;
        }
        JsonValue[] computed = values;
        int slot = 0;
        Step[] steps = order;
        for (int s = 0; s < steps.length; s++) {
            Step step = steps[s];
            if (step.check() != null) {
                check(s, step, line);
                continue;
            }
            StageContext c = step.context();
            try {
                computed[slot++] = compute(step, c);
            } catch (RuntimeException | StackOverflowError e) {
                throw RecordStages.failure(e, c.rule.descriptor().id(), path, line);
            }
        }
        if (layout != null) {
            return this;
        }
        RecordObject bound = output.bind(record.root(), computed);
        if (!layoutRecorded) {
            layoutRecorded = true;
            layout = CompiledLayout.record(output, bound, record).orElse(null);
        }
        return written.reset(record, bound);
    }

    /** @return whether {@link #write} writes the record {@link #run} migrated last by compact steps */
    boolean writesCompact() {
        return input.compact && layout.compactSteps() >= 0;
    }

    /** Writes the record {@link #run} migrated last by the compiled layout. */
    @Override
    public void write(RecordBytes out) {
        layout.write(input, values, out);
    }

    private JsonValue compute(Step step, StageContext c) {
        if (step.edit() instanceof RecordEdit.SetField set) {
            return set.value().compute(step.view(), c);
        }
        RecordEdit.MapField map = (RecordEdit.MapField) step.edit();
        JsonValue value;
        if (step.source() >= 0) {
            RecordField f = input.root().fields.get(step.source());
            value = JsonValues.read(f.buffer, f.valueStart, f.valueEnd);
        } else if (step.sourceSlot() >= 0) {
            value = values[step.sourceSlot()];
        } else {
            value = step.view().get(map.path()).orElseThrow();
        }
        return map.mapping().apply(value, c);
    }

    /**
     * Runs a check, unless it passed on an earlier record that gave it the same answers ({@link RememberedCheck}, made
     * from the first record the plan checks).
     */
    private void check(int s, Step step, long line) {
        RememberedCheck known = remembered[s];
        if (known != null && known.holds(step.view())) {
            return;
        }
        Optional<String> problem;
        if (tried[s]) {
            problem = step.check().check(step.view());
        } else {
            tried[s] = true;
            RememberedCheck.Recording recording = new RememberedCheck.Recording(step.view());
            problem = step.check().check(recording);
            if (problem.isEmpty()) {
                remembered[s] = recording.remembered().orElse(null);
            }
        }
        if (problem.isPresent()) {
            throw RecordStages.mismatch(path, line, step.stage(), step.check(), problem.get());
        }
    }

    JsonValue[] values() {
        return values;
    }

    // ---- EditTrace: compiling from the step-by-step run ----

    @Override
    public void rule(StageContext context) {
        this.context = context;
        if (!contexts.contains(context)) {
            contexts.add(context);
        }
    }

    @Override
    public int computing(LazyRecord record, RecordEdit.SetField edit) {
        steps.add(new Step(context, edit, -1, -1, view(record), null, null));
        return grow();
    }

    @Override
    public int mapping(LazyRecord record, RecordField field, RecordEdit.MapField edit) {
        int source = -1;
        for (int k = 0; k < read.size() && !field.replaced; k++) {
            if (read.get(k) == field) {
                source = k;
            }
        }
        int sourceSlot = field.replaced ? field.slot : -1;
        boolean direct = source >= 0 || sourceSlot >= 0;
        steps.add(new Step(context, edit, source, sourceSlot, direct ? null : view(record), null, null));
        return grow();
    }

    @Override
    public void dropped() {
        warned = true;
    }

    @Override
    public void checking(LazyRecord record, RecordPipeline.Stage stage) {
        if (stage.checks().isEmpty()) {
            return;
        }
        PlanView view = view(record);
        for (RecordCheck check : stage.checks()) {
            steps.add(new Step(null, null, -1, -1, view, stage, check));
        }
    }

    private int grow() {
        values = new JsonValue[values.length + 1];
        return values.length - 1;
    }

    private PlanView view(LazyRecord record) {
        if (notFusable.isPresent()) {
            return null;
        }
        try {
            return new PlanView(RecordTemplate.of(record.root(), read), this);
        } catch (RecordTemplate.NotFusable e) {
            notFusable = Optional.of(e.getMessage());
            return null;
        }
    }
}
