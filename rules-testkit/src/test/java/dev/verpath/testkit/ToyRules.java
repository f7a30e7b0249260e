package dev.verpath.testkit;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.util.List;

/** A product "toy" whose 1.0.0 -> 2.0.0 step appends a line to app.conf and links app.link to it. */
final class ToyRules implements RuleSet {

    private final String displayName;
    private final String description;

    ToyRules() {
        this("Upgrade the toy config", "Appends the version line. Links the config.");
    }

    ToyRules(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
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
        return List.of(new FileRule() {
            @Override
            public RuleDescriptor descriptor() {
                return new RuleDescriptor("toy.config", displayName, description, "toy", "1.0.0", "2.0.0", RuleKind.CONFIG,
                        List.of(), false, "1", List.of("app.conf"));
            }

            @Override
            public void apply(RuleContext context) throws IOException {
                String text = context.workspace().readString("app.conf");
                if (text.contains("fail")) {
                    throw new RuleFailure("app.conf", "line 1", "the config asks to fail");
                }
                context.workspace().writeString("app.conf", text + "version = 2\n");
                if (!context.workspace().exists("app.link")) {
                    context.workspace().symlink("app.link", "app.conf");
                }
                context.report().count("lines", 1);
                context.report().warn("app.conf", "the toy warns once");
            }
        });
    }
}
