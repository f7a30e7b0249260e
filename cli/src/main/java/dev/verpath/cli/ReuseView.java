package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.model.ReuseForecast;
import java.util.List;

/** What {@code migrate info} says of the step cache: the record files whose kept output a run would reuse. */
final class ReuseView {

    private ReuseView() {
    }

    /**
     * @param forecast what the run would reuse
     * @return the lines
     */
    static List<String> text(ReuseForecast forecast) {
        if (forecast.cache().isEmpty()) {
            return List.of("step cache: off ([cache] enabled = false); every record file is migrated");
        }
        return List.of(String.format(java.util.Locale.ROOT,
                "step cache: %d of %d record file(s) (%s of %s) will be reused from an earlier run, the rest migrated",
                forecast.files(), forecast.ofFiles(), Units.bytes(forecast.bytes()), Units.bytes(forecast.ofBytes())),
                "  " + forecast.cache().get() + ": " + Units.bytes(forecast.cacheBytes()) + " of at most "
                        + Units.bytes(forecast.maxBytes()) + " ([cache] max_bytes)");
    }

    /**
     * @param forecast what the run would reuse
     * @param node     the object to fill
     */
    static void json(ReuseForecast forecast, ObjectNode node) {
        node.put("files", forecast.files()).put("bytes", forecast.bytes()).put("ofFiles", forecast.ofFiles())
                .put("ofBytes", forecast.ofBytes()).put("enabled", forecast.cache().isPresent())
                .put("cache", forecast.cache().map(Object::toString).orElse(null))
                .put("cacheBytes", forecast.cacheBytes()).put("maxBytes", forecast.maxBytes());
    }
}
