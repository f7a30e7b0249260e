package dev.verpath.engine.graph;

import com.github.zafarkhaja.semver.Version;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts versions in semver precedence order (java-semver's {@link Version#BUILD_AWARE_ORDER}) the quick way: by
 * major, minor and patch packed into one number, and by the full comparison only among versions equal in those three
 * (pre-releases and builds of one release). Sorting a product's 10,000 versions then costs no comparison of version
 * objects in the common case.
 */
final class VersionOrder {

    private static final int BITS = 21;
    private static final long LIMIT = 1L << BITS;

    private VersionOrder() {
    }

    /**
     * @param versions versions, each once
     * @return their indices in semver order
     */
    static int[] sorted(List<RuleTexts.Parsed> versions) {
        long[] keys = new long[versions.size()];
        for (int i = 0; i < keys.length; i++) {
            Version v = versions.get(i).version();
            if (v.majorVersion() >= LIMIT || v.minorVersion() >= LIMIT || v.patchVersion() >= LIMIT) {
                keys = new long[versions.size()]; // numbers too large to pack: one run, every comparison in full
                break;
            }
            keys[i] = (v.majorVersion() << (2 * BITS)) | (v.minorVersion() << BITS) | v.patchVersion();
        }
        return KeyOrder.of(keys, (a, b) -> Version.BUILD_AWARE_ORDER.compare(versions.get(a).version(),
                versions.get(b).version()));
    }
}
