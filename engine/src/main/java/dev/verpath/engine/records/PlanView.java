package dev.verpath.engine.records;

import dev.verpath.rules.RecordReader;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A record as the steps of a {@link FusedPlan} had it at one point (where a value was computed, or where a stage's
 * checks ran), for the record the plan migrates now. A top-level name is resolved once per shape
 * ({@link RecordTemplate#resolve}: a field of the line, a computed value, or missing) and read straight from the
 * line's field or the computed value; anything else binds the {@link RecordTemplate} to the record on first read,
 * so a point nothing reads costs nothing. Reads as a {@link LazyRecord} does. Not thread-safe.
 */
final class PlanView implements RecordReader {

    private static final int REMEMBERED = 8;

    private final RecordTemplate template;
    private final FusedPlan plan;
    private final LazyRecord record = LazyRecord.over(null);
    private long bound = -1;
    private final String[] paths = new String[REMEMBERED];
    private final int[] places = new int[REMEMBERED];
    private int remembered;

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

    /** @return where a path reads from ({@link RecordTemplate#resolve}), found once per path */
    int place(String path) {
        for (int i = 0; i < remembered; i++) {
            if (paths[i] == path) {
                return places[i];
            }
        }
        for (int i = 0; i < remembered; i++) {
            if (paths[i].equals(path)) {
                return places[i];
            }
        }
        int place = template.resolve(FieldPaths.names(path));
        if (remembered < REMEMBERED) {
            paths[remembered] = path;
            places[remembered++] = place;
        }
        return place;
    }

    private RecordField input(int place) {
        return plan.input.root().fields.get(place);
    }

    private static boolean isComputed(int place) {
        return place < RecordTemplate.MISSING && place != RecordTemplate.ELSEWHERE
                && place != RecordTemplate.MADE_OBJECT;
    }

    private JsonValue computed(int place) {
        return plan.values()[-2 - place];
    }

    @Override
    public Optional<JsonValue> get(String path) {
        int place = place(path);
        if (place == RecordTemplate.MISSING) {
            return Optional.empty();
        }
        if (isComputed(place)) {
            return Optional.of(computed(place));
        }
        if (place >= 0 && !input(place).holdsObject()) {
            RecordField f = input(place);
            return Optional.of(JsonValues.read(f.buffer, f.valueStart, f.valueEnd));
        }
        return record().get(path);
    }

    @Override
    public boolean has(String path) {
        int place = place(path);
        return place == RecordTemplate.ELSEWHERE ? record().has(path) : place != RecordTemplate.MISSING;
    }

    @Override
    public boolean isObject(String path) {
        int place = place(path);
        return place == RecordTemplate.ELSEWHERE ? record().isObject(path) : isObject(place);
    }

    /** As {@link #isObject(String)}, for a place other than {@link RecordTemplate#ELSEWHERE}. */
    boolean isObject(int place) {
        if (place >= 0) {
            return input(place).holdsObject();
        }
        return place == RecordTemplate.MADE_OBJECT || isComputed(place) && computed(place) instanceof JsonObject;
    }

    @Override
    public String kind(String path) {
        int place = place(path);
        return place == RecordTemplate.ELSEWHERE ? record().kind(path) : kind(place);
    }

    /** As {@link #kind(String)}, for a place other than {@link RecordTemplate#ELSEWHERE}. */
    String kind(int place) {
        if (place >= 0) {
            return input(place).kind();
        }
        if (place == RecordTemplate.MISSING) {
            return MISSING;
        }
        return place == RecordTemplate.MADE_OBJECT ? "an object" : computed(place).kind();
    }

    @Override
    public boolean isNumber(String path, String literal) {
        int place = place(path);
        return place == RecordTemplate.ELSEWHERE ? record().isNumber(path, literal) : isNumber(place, literal);
    }

    /** As {@link #isNumber(String, String)}, for a place other than {@link RecordTemplate#ELSEWHERE}. */
    boolean isNumber(int place, String literal) {
        if (place >= 0) {
            return input(place).isNumber(literal);
        }
        return isComputed(place) && computed(place) instanceof JsonNumber n && n.literal().equals(literal);
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
