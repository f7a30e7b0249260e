package dev.verpath.engine.edit;

import dev.verpath.engine.records.JsonValues;
import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON file changed in place ({@link JsonDocument}): the text is kept as written and each change splices only the
 * characters of the members it touches, then the text is read again ({@link JsonOutline}), so it is valid JSON after
 * every change. What is added follows the file's own layout ({@link JsonLayout}). Not thread-safe.
 */
public final class EditedJson implements JsonDocument {

    private final String path;
    private String text;
    private JsonOutline.Node root;

    /**
     * @param path the file, relative to the installation, for messages
     * @param text its content
     * @throws dev.verpath.rules.RuleFailure naming the line when the text is not one JSON object
     */
    public EditedJson(String path, String text) {
        this.path = Objects.requireNonNull(path, "path");
        this.text = text;
        this.root = JsonOutline.read(path, text);
    }

    /**
     * Checks that a JSON file parses, as {@link #EditedJson(String, String)} would read it when it holds an object, and
     * as any JSON value otherwise (a file a rule only reads need not be an object).
     *
     * @param path the file, relative to the installation, for messages
     * @param text its content
     * @throws dev.verpath.rules.RuleFailure naming the line, in the words a migration uses, when it does not parse
     */
    public static void requireSyntax(String path, String text) {
        if (text.stripLeading().startsWith("{")) {
            JsonOutline.read(path, text);
        } else {
            JsonOutline.requireSyntax(path, text);
        }
    }

    /**
     * The text of a JSON file made anew: one member a line, two spaces a level, a final newline.
     *
     * @param object what the file holds
     * @return its text
     */
    public static String written(JsonObject object) {
        return JsonLayout.NEW_FILE.render(object, 0) + "\n";
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public Optional<JsonValue> get(String memberPath) {
        return member(names(memberPath)).map(m -> JsonValues.read(text.substring(m.value().start, m.value().end)));
    }

    @Override
    public List<String> keys(String object) {
        return object(names(object)).map(o -> o.memberList().stream().map(JsonOutline.Member::name).distinct().toList())
                .orElse(List.of());
    }

    @Override
    public boolean rename(String memberPath, String newName) {
        List<String> names = names(memberPath);
        Optional<JsonOutline.Member> member = member(names);
        if (member.isEmpty() || member.get().name().equals(newName)) {
            return member.isPresent();
        }
        if (object(names.subList(0, names.size() - 1)).orElseThrow().member(newName).isPresent()) {
            throw new IllegalArgumentException(path + ": cannot rename " + memberPath + " to " + newName + ": that name is set already");
        }
        splice(member.get().nameStart(), member.get().nameEnd(), JsonValues.text(new dev.verpath.rules.json.JsonText(newName)));
        return true;
    }

    @Override
    public int moveInto(String object, String... memberPaths) {
        List<String> target = names(object);
        int moved = 0;
        for (String memberPath : memberPaths) {
            List<String> names = names(memberPath);
            Optional<JsonOutline.Member> found = member(names);
            if (found.isEmpty()) {
                continue;
            }
            JsonOutline.Member member = found.get();
            Optional<JsonOutline.Node> into = object(target);
            if (into.isPresent() && into.get().member(member.name()).isPresent()) {
                throw new IllegalArgumentException(path + ": cannot move " + memberPath + " into " + object + ": it has a "
                        + member.name() + " already");
            }
            String value = text.substring(member.value().start, member.value().end);
            List<String> parent = names.subList(0, names.size() - 1);
            if (into.isEmpty() && parent.equals(target.subList(0, target.size() - 1))) {
                // the object is created where the member stood, holding it
                JsonLayout layout = layout();
                int depth = member.value().depth;
                String inner = layout.member(member.name(), layout.moved(value, depth, depth + 1));
                splice(member.nameStart(), member.value().end, layout.member(target.get(target.size() - 1), layout.objectOf(inner, depth)));
            } else {
                if (into.isEmpty()) {
                    requireObjects(target);
                    set(object, JsonObject.EMPTY);
                }
                remove(memberPath);
                JsonOutline.Node destination = object(target).orElseThrow();
                add(destination, member.name(), layout().moved(value, member.value().depth, destination.depth + 1));
            }
            moved++;
        }
        return moved;
    }

    @Override
    public void set(String memberPath, JsonValue value) {
        List<String> names = names(memberPath);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(path + ": the top object itself cannot be set");
        }
        Optional<JsonOutline.Member> member = member(names);
        if (member.isPresent()) {
            JsonOutline.Node old = member.get().value();
            splice(old.start, old.end, layout().render(value, old.depth));
            return;
        }
        List<String> parent = names.subList(0, names.size() - 1);
        if (object(parent).isEmpty()) {
            requireObjects(parent);
            set(String.join(".", parent.stream().map(n -> n.replace(".", "\\.")).toList()), JsonObject.EMPTY);
        }
        JsonOutline.Node into = object(parent).orElseThrow();
        add(into, names.get(names.size() - 1), layout().render(value, into.depth + 1));
    }

    @Override
    public Optional<JsonValue> remove(String memberPath) {
        List<String> names = names(memberPath);
        Optional<JsonOutline.Member> member = member(names);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        JsonValue value = get(memberPath).orElseThrow();
        JsonOutline.Node parent = object(names.subList(0, names.size() - 1)).orElseThrow();
        List<JsonOutline.Member> members = parent.memberList();
        int index = members.indexOf(member.get());
        if (members.size() == 1) {
            splice(parent.start + 1, parent.end - 1, "");
        } else if (index < members.size() - 1) {
            splice(member.get().nameStart(), members.get(index + 1).nameStart(), "");
        } else {
            splice(members.get(index - 1).value().end, member.get().value().end, "");
        }
        return Optional.of(value);
    }

    /** Adds a member at the end of an object, after the same separator its last members have between them. */
    private void add(JsonOutline.Node object, String name, String value) {
        JsonLayout layout = layout();
        String member = layout.member(name, value);
        List<JsonOutline.Member> members = object.memberList();
        if (members.isEmpty()) {
            splice(object.start, object.end, layout.objectOf(member, object.depth));
            return;
        }
        JsonOutline.Member last = members.get(members.size() - 1);
        String separator = members.size() > 1
                ? text.substring(members.get(members.size() - 2).value().end, last.nameStart())
                : "," + text.substring(object.start + 1, last.nameStart());
        splice(last.value().end, last.value().end, separator + member);
    }

    private JsonLayout layout() {
        return JsonLayout.of(text, root);
    }

    private void splice(int from, int to, String replacement) {
        String changed = text.substring(0, from) + replacement + text.substring(to);
        root = JsonOutline.read(path, changed);
        text = changed;
    }

    private Optional<JsonOutline.Member> member(List<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return object(names.subList(0, names.size() - 1)).flatMap(o -> o.member(names.get(names.size() - 1)));
    }

    private Optional<JsonOutline.Node> object(List<String> names) {
        JsonOutline.Node node = root;
        for (String name : names) {
            Optional<JsonOutline.Member> member = node.member(name);
            if (member.isEmpty()) {
                return Optional.empty();
            }
            if (member.get().value().members.isEmpty()) {
                return Optional.empty();
            }
            node = member.get().value();
        }
        return Optional.of(node);
    }

    /** Refuses to write through a member that is there but is not an object (it would be lost). */
    private void requireObjects(List<String> names) {
        for (int i = 1; i <= names.size(); i++) {
            Optional<JsonOutline.Member> member = member(names.subList(0, i));
            if (member.isPresent() && member.get().value().members.isEmpty()) {
                throw new IllegalArgumentException(path + ": " + String.join(".", names.subList(0, i))
                        + " is not an object, so nothing can be set inside it");
            }
        }
    }

    /** A dotted path's names (as record paths spell them); {@code ""} is the top object. */
    private static List<String> names(String dotted) {
        return dotted.isEmpty() ? List.of() : RecordReader.pathNames(dotted);
    }
}
