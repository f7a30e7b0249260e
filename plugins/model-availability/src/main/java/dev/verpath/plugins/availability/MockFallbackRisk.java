package dev.verpath.plugins.availability;

import dev.verpath.rules.EdgeRisk;
import dev.verpath.rules.InstallationFacts;

/**
 * The known risk of the edge 1.0.0 -> 2.0.0: {@code config.json} enables {@code fallback_to_mock}. The enhanced system
 * keeps it as {@code fallback.mock_fallback_enabled}, and its intelligent fallback then answers with a mock model
 * whenever a real one is unavailable, silently, where the basic system only did so at start-up. The risk blocks the
 * edge for such an installation until the flag is false or the operator accepts it (a test system may want mocks).
 */
final class MockFallbackRisk {

    /** The risk's name, for {@code --accept-risk}. */
    static final String NAME = "availability-mock-fallback";

    private MockFallbackRisk() {
    }

    /** @return the risk */
    static EdgeRisk risk() {
        return EdgeRisk.of(AvailabilityLayout.PRODUCT, AvailabilityLayout.V1_0_0, AvailabilityLayout.V2_0_0, NAME,
                "config.json enables fallback_to_mock: the enhanced system's intelligent fallback would serve mock"
                        + " models whenever a real one is unavailable; set fallback_to_mock to false before migrating,"
                        + " or accept the risk on a test system", MockFallbackRisk::applies);
    }

    private static boolean applies(InstallationFacts installation) throws Exception {
        return installation.configValue(AvailabilityLayout.LEGACY_CONFIG, "fallback_to_mock").map("true"::equals)
                .orElse(false);
    }
}
