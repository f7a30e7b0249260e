package dev.verpath.rules.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object: its members in order. Immutable; {@link #with} and {@link #without} return new objects.
 *
 * @param members the members, in order
 */
public record JsonObject(List<Member> members) implements JsonValue {

    /** An object without members. */
    public static final JsonObject EMPTY = new JsonObject(List.of());

    /**
     * One member.
     *
     * @param name  its name
     * @param value its value
     */
    public record Member(String name, JsonValue value) {

        /** Checks that nothing is null. */
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Copies the members. */
    public JsonObject {
        members = List.copyOf(members);
    }

    /**
     * @param name a member's name
     * @return its value (the last one, if the name repeats), when the object has it
     */
    public Optional<JsonValue> get(String name) {
        for (int i = members.size() - 1; i >= 0; i--) {
            if (members.get(i).name().equals(name)) {
                return Optional.of(members.get(i).value());
            }
        }
        return Optional.empty();
    }

    /**
     * @param name  a member's name
     * @param value its new value
     * @return this object with the member set where it stands, or added at the end
     */
    public JsonObject with(String name, JsonValue value) {
        List<Member> changed = new ArrayList<>(members);
        for (int i = changed.size() - 1; i >= 0; i--) {
            if (changed.get(i).name().equals(name)) {
                changed.set(i, new Member(name, value));
                return new JsonObject(changed);
            }
        }
        changed.add(new Member(name, value));
        return new JsonObject(changed);
    }

    /**
     * @param name a member's name
     * @return this object without that member
     */
    public JsonObject without(String name) {
        return new JsonObject(members.stream().filter(m -> !m.name().equals(name)).toList());
    }

    /** @return the members' names, in order */
    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }

    /** @return true when the object has no members */
    public boolean isEmpty() {
        return members.isEmpty();
    }
}
