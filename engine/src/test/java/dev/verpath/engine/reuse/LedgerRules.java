package dev.verpath.engine.reuse;

import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RecordView;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.util.List;

/**
 * A product "ledger" with one step, 1.0.0 to 2.0.0, whose record rule fails on a record whose amount is not a number,
 * warns on a record with a note and counts the records it saw; {@code ruleVersion} and {@code mark} make a changed rule.
 */
record LedgerRules(String ruleVersion, String mark) implements RuleSet {

    /** The rule as first written. */
    static LedgerRules first() {
        return new LedgerRules("1", "2.0.0");
    }

    record Convert(String ruleVersion, String mark) implements RecordRule {
        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor("ledger.2.0.0.data", "Ledger data", "Marks each record with its version.", "ledger",
                    "1.0.0", "2.0.0", RuleKind.DATA, List.of(), false, ruleVersion, List.of("data/*.jsonl"));
        }

        @Override
        public void transform(RecordView record, RecordContext context) {
            if (!(record.get("amount").orElse(null) instanceof JsonNumber)) {
                throw new RuleFailure(context.path(), "amount", "amount is not a number");
            }
            if (record.has("note")) {
                context.report().warn(context.path(), "line " + context.line() + " has a note");
            }
            context.report().count("ledger_records", 1);
            record.put("v", JsonValue.of(mark));
        }
    }

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public List<Product> products() {
        return List.of(new Product("ledger", "A ledger.", "app.conf", "data", "models"));
    }

    @Override
    public List<MigrationRule> rules() {
        return List.of(new Convert(ruleVersion, mark));
    }
}
