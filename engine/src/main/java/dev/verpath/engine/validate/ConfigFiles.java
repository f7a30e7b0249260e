package dev.verpath.engine.validate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration files of an installation, for the security checks: every file its product declares
 * configuration, and every file with a configuration extension ({@code .toml .json .yaml .yml .ini .cfg .conf .env
 * .properties}, or named {@code .env}) that is not one of the product's data or model files (its roles, its data
 * and models folders), up to {@value #MAX_BYTES} bytes. Model folders are left out on
 * purpose: their {@code config.json} and tokenizer files use key names such as {@code bos_token} that are
 * not secrets. Read as text, line by line, so findings name the line and a file that does not parse is
 * still checked.
 */
final class ConfigFiles {

    /** Larger files are not configuration. */
    static final long MAX_BYTES = 4L << 20;

    private static final Set<String> EXTENSIONS = Set.of("toml", "json", "yaml", "yml", "ini", "cfg", "conf", "env",
            "properties");

    private ConfigFiles() {
    }

    /**
     * @param tree the installation
     * @return its configuration files, sorted by path
     */
    static List<TreeScan.Entry> of(TreeScan tree) {
        return tree.entries().stream().filter(e -> e.kind() == TreeScan.Kind.FILE && e.size() <= MAX_BYTES)
                .filter(e -> tree.isConfigFile(e.path()) || isConfigName(e.name()) && !tree.isDataFile(e.path())
                        && !tree.isModelFile(e.path()))
                .toList();
    }

    private static boolean isConfigName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return lower.equals(".env") || (dot > 0 && EXTENSIONS.contains(lower.substring(dot + 1)));
    }

    /**
     * A file's lines, decoded as UTF-8 (bad bytes become U+FFFD).
     *
     * @param entry a file
     * @return the lines, the first being line 1
     * @throws IOException when the file cannot be read
     */
    static List<String> lines(TreeScan.Entry entry) throws IOException {
        byte[] bytes = Files.readAllBytes(entry.real());
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        return text.lines().toList();
    }
}
