package dev.verpath.engine.journal;

import dev.verpath.engine.files.HashCache;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The checksum recorded for a rule in the history: SHA-256 (first 16 hex digits) of everything that decides
 * its output: id, own version, edge, kind, lossiness, paths, and the implementing class.
 */
public final class RuleChecksum {

    private RuleChecksum() {
    }

    /**
     * @param rule a rule
     * @return its checksum
     */
    public static String of(MigrationRule rule) {
        RuleDescriptor d = rule.descriptor();
        String canonical = String.join("\n", d.id(), d.version(), d.product(), d.from(), d.to(), d.kind().name(),
                Boolean.toString(d.lossy()), String.join(",", d.paths()), rule.getClass().getName());
        byte[] digest = HashCache.newDigest().digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }
}
