package dev.verpath.engine.records;

import dev.verpath.rules.RecordEdit;

/**
 * What a {@link RecordEditor} tells while it applies edits to the first record of a shape, so that a
 * {@link FusedPlan} can be compiled from the step-by-step run ({@link PlanRecorder}): each value an edit computes
 * gets a slot number, which tags the field that holds it. {@link #NONE} for every other record. Not thread-safe.
 */
interface EditTrace {

    /** Tells nothing; every value gets slot -1. */
    EditTrace NONE = new EditTrace() {
        @Override
        public int computing(LazyRecord record, RecordEdit.SetField edit) {
            return -1;
        }

        @Override
        public int mapping(LazyRecord record, RecordField field, RecordEdit.MapField edit) {
            return -1;
        }

        @Override
        public void dropped() {
        }

        @Override
        public void rule(StageContext context) {
        }

        @Override
        public void checking(LazyRecord record, RecordPipeline.Stage stage) {
        }
    };

    /**
     * A set's value is about to be computed from the record as it is now.
     *
     * @return the slot of the value
     */
    int computing(LazyRecord record, RecordEdit.SetField edit);

    /**
     * A field's value is about to be mapped.
     *
     * @return the slot of the new value
     */
    int mapping(LazyRecord record, RecordField field, RecordEdit.MapField edit);

    /** A field was dropped because its new name was taken (a warning). */
    void dropped();

    /** The edits of a rule are next. */
    void rule(StageContext context);

    /** The record leaves a stage: its checks are next. */
    void checking(LazyRecord record, RecordPipeline.Stage stage);
}
