package dev.verpath.testkit;

import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that a rule set describes itself as users read it: every rule, validation and record check has an
 * id without blanks, used once; a display name that starts with a capital letter, is one line and ends
 * without a period; and a description of full sentences (each starts with a capital letter, a digit, or a
 * file name or identifier such as {@code config.json} or {@code max_batch}; the last ends with {@code .},
 * {@code !} or {@code ?}). Products and flags need one-sentence descriptions too,
 * and flag names are upper case with underscores.
 */
public final class RuleMetadata {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern FLAG = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final List<String> ABBREVIATIONS = List.of("e.g.", "i.e.", "etc.", "vs.", "cf.");
    /** A first word (its closing punctuation left out) that names a file or an identifier. */
    private static final Pattern CODE_WORD = Pattern.compile("`.*|.*[._/].*");

    private RuleMetadata() {
    }

    /**
     * Fails listing every problem of the rule sets' metadata.
     *
     * @param ruleSets the rule sets
     * @throws AssertionFailedError with one line per problem
     */
    public static void assertWellDescribed(RuleSet... ruleSets) {
        List<String> problems = new ArrayList<>();
        for (RuleSet set : ruleSets) {
            problems.addAll(problems(set));
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(problems.size() + " rule metadata problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Every problem of a rule set's metadata, one sentence each naming the item.
     *
     * @param set the rule set
     * @return the problems, empty when all is well
     */
    public static List<String> problems(RuleSet set) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        checkId("rule set", set.id(), problems, new HashSet<>());
        for (Product product : set.products()) {
            checkDescription("product " + product.name(), product.description(), problems);
        }
        for (MigrationRule rule : set.rules()) {
            RuleDescriptor d = rule.descriptor();
            checkId("rule", d.id(), problems, ids);
            checkDisplayName("rule " + d.id(), d.displayName(), problems);
            checkDescription("rule " + d.id(), d.description(), problems);
        }
        for (ValidationRule rule : set.validations()) {
            check(rule.descriptor(), "validation", problems, ids);
        }
        for (RecordCheck check : set.recordChecks()) {
            check(check.descriptor(), "record check", problems, ids);
        }
        for (FlagDescriptor flag : set.flags()) {
            if (!FLAG.matcher(flag.name()).matches()) {
                problems.add("flag " + flag.name() + ": the name must be upper case with underscores, e.g. MY_PLUGIN_STRICT");
            }
            checkDescription("flag " + flag.name(), flag.description(), problems);
        }
        return List.copyOf(problems);
    }

    private static void check(ValidationDescriptor d, String what, List<String> problems, Set<String> ids) {
        checkId(what, d.id(), problems, ids);
        checkDisplayName(what + " " + d.id(), d.displayName(), problems);
        checkDescription(what + " " + d.id(), d.description(), problems);
    }

    private static void checkId(String what, String id, List<String> problems, Set<String> ids) {
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(what + " '" + id + "': the id must be letters, digits, '.', '_', ':' or '-', without blanks");
        } else if (!ids.add(id)) {
            problems.add(what + " " + id + ": the id is used twice in the rule set");
        }
    }

    private static void checkDisplayName(String what, String name, List<String> problems) {
        if (name.isBlank()) {
            problems.add(what + ": the display name is empty");
            return;
        }
        if (!Character.isUpperCase(name.codePointAt(0))) {
            problems.add(what + ": the display name '" + name + "' must start with a capital letter");
        }
        if (name.endsWith(".")) {
            problems.add(what + ": the display name '" + name + "' must not end with a period");
        }
        if (!name.equals(name.strip()) || name.contains("\n")) {
            problems.add(what + ": the display name must be one line without surrounding blanks");
        }
    }

    private static void checkDescription(String what, String text, List<String> problems) {
        String description = text.strip();
        if (description.isEmpty()) {
            problems.add(what + ": the description is empty; say in full sentences what it does");
            return;
        }
        char last = description.charAt(description.length() - 1);
        if (last != '.' && last != '!' && last != '?') {
            problems.add(what + ": the description must end a sentence with '.', '!' or '?'");
        }
        String[] sentences = SENTENCE_END.split(description);
        for (int i = 0; i < sentences.length; i++) {
            int first = sentences[i].codePointAt(0);
            boolean afterAbbreviation = i > 0 && ABBREVIATIONS.stream().anyMatch(sentences[i - 1]::endsWith);
            boolean codeWord = CODE_WORD.matcher(sentences[i].split("\\s+", 2)[0].replaceAll("[.!?,;:]+$", "")).matches();
            if (Character.isLowerCase(first) && !afterAbbreviation && !codeWord) {
                problems.add(what + ": the sentence '" + sentences[i] + "' of its description must start with a capital letter");
            }
        }
    }
}
