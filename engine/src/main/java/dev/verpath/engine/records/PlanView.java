package dev.verpath.engine.records;

import dev.verpath.rules.RecordReader;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A record as the steps of a {@link FusedPlan} had it at one point (where a value was computed, or where a stage's
 * checks ran), for the record the plan migrates now: its {@link RecordTemplate} is bound to the record on first
 * read, so a point nothing reads costs nothing. Reads as a {@link LazyRecord} does. Not thread-safe.
 */
final class PlanView implements RecordReader {

    private final RecordTemplate template;
    private final FusedPlan plan;
    private final LazyRecord record = LazyRecord.over(null);
    private long bound = -1;

    PlanView(RecordTemplate template, FusedPlan plan) {
        this.template = template;
        this.plan = plan;
    }

    private LazyRecord record() {
        if (bound != plan.generation) {
            record.reset(plan.input, template.bind(plan.input.root(), plan.values()));
            bound = plan.generation;
        }
        return record;
    }

    @Override
    public Optional<JsonValue> get(String path) {
        return record().get(path);
    }

    @Override
    public boolean has(String path) {
        return record().has(path);
    }

    @Override
    public boolean isObject(String path) {
        return record().isObject(path);
    }

    @Override
    public String kind(String path) {
        return record().kind(path);
    }

    @Override
    public boolean isNumber(String path, String literal) {
        return record().isNumber(path, literal);
    }

    @Override
    public List<String> fieldNames() {
        return record().fieldNames();
    }

    @Override
    public JsonObject toObject() {
        return record().toObject();
    }
}
