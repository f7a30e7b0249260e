package dev.verpath.engine.execute;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RecordView;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.List;

/** A tiny product "toy" with two steps, for executor tests. */
final class ToyRules implements RuleSet {

    static RuleDescriptor descriptor(String id, String from, String to, RuleKind kind, String path) {
        return new RuleDescriptor(id, "Toy " + id, "A toy rule.", "toy", from, to, kind, List.of(), false, "1", List.of(path));
    }

    record AppendConfig(String from, String to) implements FileRule {
        @Override
        public RuleDescriptor descriptor() {
            return ToyRules.descriptor("toy." + to + ".config", from, to, RuleKind.CONFIG, "app.conf");
        }

        @Override
        public void apply(RuleContext context) throws IOException {
            String text = context.workspace().readString("app.conf");
            if (text.contains("hang")) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (text.contains("stubborn")) {
                // ignores interrupts for three seconds, then writes, as a rule stuck in an uninterruptible call would
                long until = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // keeps going
                    }
                }
            }
            if (text.contains("fail")) {
                throw new RuleFailure("app.conf", "line 1", "the config asks to fail");
            }
            context.workspace().writeString("app.conf", text + "upgraded to " + to + "\n");
        }
    }

    record StampRecords(String from, String to) implements RecordRule {
        @Override
        public RuleDescriptor descriptor() {
            return ToyRules.descriptor("toy." + to + ".data", from, to, RuleKind.DATA, "data/**/*.jsonl");
        }

        @Override
        public void transform(RecordView record, RecordContext context) {
            record.put("v", JsonValue.of(to));
        }
    }

    record MoveModels() implements FileRule {
        @Override
        public RuleDescriptor descriptor() {
            return ToyRules.descriptor("toy.2.0.0.model", "1.0.0", "2.0.0", RuleKind.MODEL, "models/**");
        }

        @Override
        public void apply(RuleContext context) throws IOException {
            for (String name : context.workspace().children("models")) {
                context.workspace().move("models/" + name, "models/v2/" + name);
                context.workspace().symlink("models/" + name, "v2/" + name);
            }
        }
    }

    @Override
    public String id() {
        return "toy";
    }

    @Override
    public List<Product> products() {
        return List.of(new Product("toy", "A toy product.", "app.conf", "data", "models"));
    }

    @Override
    public List<MigrationRule> rules() {
        return List.of(new AppendConfig("0.1.0", "1.0.0"), new StampRecords("0.1.0", "1.0.0"),
                new AppendConfig("1.0.0", "2.0.0"), new StampRecords("1.0.0", "2.0.0"), new MoveModels());
    }
}
