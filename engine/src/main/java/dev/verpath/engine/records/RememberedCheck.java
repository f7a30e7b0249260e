package dev.verpath.engine.records;

import dev.verpath.rules.RecordReader;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record check that passed on one record of a {@link FusedPlan}'s shape, with the answers the record gave it: for
 * another record of the shape that gives the same answers, the check passes too, and is not run. A check reads the
 * record only through its {@link RecordReader} and is a function of what it reads (its contract: immutable, and it
 * must not change the record), so the same answers, asked in the same order, lead it the same way to the same
 * outcome. Answers the shape fixes (a field the template lacks, an object the edits made, whether a field is there)
 * are not asked again; each other answer is one look at a field of the line or a computed value, by its place in the
 * template, resolved once ({@link RecordTemplate#resolve}). A check that reads anything else (a value, the names, the
 * whole record, or a path inside an object of the line) is not remembered and runs on every record. Immutable.
 */
final class RememberedCheck {

    private static final int IS_OBJECT = 0;
    private static final int KIND = 1;
    private static final int IS_NUMBER = 2;

    private final int[] asks;
    private final int[] places;
    private final String[] literals;
    private final Object[] answers;

    private RememberedCheck(List<Object[]> asked) {
        int n = asked.size();
        this.asks = new int[n];
        this.places = new int[n];
        this.literals = new String[n];
        this.answers = new Object[n];
        for (int i = 0; i < n; i++) {
            Object[] a = asked.get(i);
            asks[i] = (Integer) a[0];
            places[i] = (Integer) a[1];
            literals[i] = (String) a[2];
            answers[i] = a[3];
        }
    }

    /**
     * @param view the record the check would read now
     * @return whether it gives the answers the remembered record gave (then the check passes)
     */
    boolean holds(PlanView view) {
        for (int i = 0; i < asks.length; i++) {
            Object expected = answers[i];
            switch (asks[i]) {
                case IS_OBJECT -> {
                    if (view.isObject(places[i]) != (Boolean) expected) {
                        return false;
                    }
                }
                case KIND -> {
                    String kind = view.kind(places[i]);
                    if (kind != expected && !kind.equals(expected)) {
                        return false;
                    }
                }
                default -> {
                    if (view.isNumber(places[i], literals[i]) != (Boolean) expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** @return how many answers a record is asked for (for tests) */
    int asks() {
        return asks.length;
    }

    /** A reader over a {@link PlanView} that remembers what the check asked and the answers. Not thread-safe. */
    static final class Recording implements RecordReader {

        private final PlanView view;
        private final List<Object[]> asked = new ArrayList<>();
        private boolean rememberable = true;

        Recording(PlanView view) {
            this.view = view;
        }

        /** @return the check's answers, when it asked only what a place answers */
        Optional<RememberedCheck> remembered() {
            return rememberable ? Optional.of(new RememberedCheck(asked)) : Optional.empty();
        }

        /**
         * Remembers an answer, unless the shape fixes it; a path whose place the template cannot name makes the check
         * not rememberable.
         *
         * @return the answer
         */
        private <T> T asked(int what, String path, String literal, T answer) {
            int place = view.place(path);
            if (place == RecordTemplate.ELSEWHERE) {
                rememberable = false;
            } else if (place != RecordTemplate.MISSING && place != RecordTemplate.MADE_OBJECT) {
                asked.add(new Object[] {what, place, literal, answer});
            }
            return answer;
        }

        @Override
        public Optional<JsonValue> get(String path) {
            rememberable = false;
            return view.get(path);
        }

        @Override
        public boolean has(String path) {
            // a place other than ELSEWHERE is there in every record of the shape, or in none: nothing to remember
            if (view.place(path) == RecordTemplate.ELSEWHERE) {
                rememberable = false;
            }
            return view.has(path);
        }

        @Override
        public boolean isObject(String path) {
            return asked(IS_OBJECT, path, null, view.isObject(path));
        }

        @Override
        public String kind(String path) {
            return asked(KIND, path, null, view.kind(path));
        }

        @Override
        public boolean isNumber(String path, String literal) {
            return asked(IS_NUMBER, path, literal, view.isNumber(path, literal));
        }

        @Override
        public List<String> fieldNames() {
            rememberable = false;
            return view.fieldNames();
        }

        @Override
        public JsonObject toObject() {
            rememberable = false;
            return view.toObject();
        }
    }
}
