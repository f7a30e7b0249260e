package dev.verpath.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One command's man page in troff ({@code man(7)} macros), rendered straight from the picocli model: name,
 * synopsis, description, options, parameters, subcommands, exit status and the related pages. picocli-codegen's
 * generator writes AsciiDoc, which needs Asciidoctor (JRuby) to become troff; this needs nothing at build time.
 */
final class ManPage {

    private final CommandSpec spec;

    /**
     * The page of a command.
     *
     * @param spec the command, as picocli built it
     */
    ManPage(CommandSpec spec) {
        this.spec = spec;
    }

    /** @return the page's name without section: {@code migrate}, {@code migrate-backups-list} */
    String name() {
        return spec.qualifiedName("-");
    }

    /**
     * The page.
     *
     * @param version the version named in the page's footer
     * @return troff source, ending with a newline
     */
    String render(String version) {
        List<String> lines = new ArrayList<>();
        lines.add(".TH \"" + escape(name().toUpperCase(java.util.Locale.ROOT)) + "\" \"1\" \"\" \"migrate "
                + escape(version) + "\" \"Verpath Manual\"");
        lines.add(".nh"); // no hyphenation: an option or command name stays whole, so it can be searched and copied
        lines.add(".SH NAME");
        lines.add(escape(name()) + " \\- " + escape(summary()));
        lines.add(".SH SYNOPSIS");
        lines.add(".nf");
        lines.add(escape(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).strip()));
        lines.add(".fi");
        lines.add(".SH DESCRIPTION");
        lines.add(escape(String.join(" ", spec.usageMessage().description())));
        section(lines, "OPTIONS", options());
        section(lines, "PARAMETERS", parameters());
        section(lines, "COMMANDS", commands());
        section(lines, "EXIT STATUS", exitCodes());
        lines.add(".SH SEE ALSO");
        lines.add(seeAlso());
        return String.join("\n", lines) + "\n";
    }

    /** @return the description's first sentence (to a period or colon), for the NAME line */
    private String summary() {
        String description = String.join(" ", spec.usageMessage().description());
        String first = description.split("(?<=[.:])\\s", 2)[0];
        return first.replaceAll("[.:]$", "");
    }

    private List<String[]> options() {
        List<String[]> items = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            String label = option.typeInfo().isBoolean() || option.arity().max() == 0 ? ""
                    : "=" + option.paramLabel();
            items.add(new String[] {String.join(", ", option.names()) + label, String.join(" ", option.description())});
        }
        return items;
    }

    private List<String[]> parameters() {
        List<String[]> items = new ArrayList<>();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                items.add(new String[] {parameter.paramLabel(), String.join(" ", parameter.description())});
            }
        }
        return items;
    }

    private List<String[]> commands() {
        List<String[]> items = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (!child.usageMessage().hidden()) {
                items.add(new String[] {sub.getKey(), new ManPage(child).summary() + " (see " + child.qualifiedName("-")
                        + "(1))."});
            }
        }
        return items;
    }

    private List<String[]> exitCodes() {
        List<String[]> items = new ArrayList<>();
        spec.usageMessage().exitCodeList().forEach((code, meaning) -> items.add(new String[] {code, meaning}));
        return items;
    }

    private String seeAlso() {
        List<String> pages = new ArrayList<>();
        CommandSpec parent = spec.parent();
        if (parent != null) {
            pages.add(parent.qualifiedName("-") + "(1)");
        }
        spec.subcommands().values().forEach(c -> pages.add(c.getCommandSpec().qualifiedName("-") + "(1)"));
        return escape(String.join(", ", pages.isEmpty() ? List.of("migrate(1)") : pages));
    }

    private static void section(List<String> lines, String title, List<String[]> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add(".SH " + title);
        for (String[] item : items) {
            lines.add(".TP");
            lines.add("\\fB" + escape(item[0]) + "\\fR");
            lines.add(escape(item[1]));
        }
    }

    /** Text safe in troff: backslashes and hyphens escaped, no line that starts as a request. */
    private static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
        return escaped.lines().map(l -> l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
