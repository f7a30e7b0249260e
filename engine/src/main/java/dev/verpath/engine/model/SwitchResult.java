package dev.verpath.engine.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code migrate rollback --path LINK} did to a release link: pointed it back at the release the current one was
 * built from, or finished an interrupted switch.
 *
 * @param link      the link
 * @param from      the release it pointed at before (empty when an interrupted switch left it pointing nowhere)
 * @param to        the release it points at now (empty when an interrupted first switch is undone: the link is removed)
 * @param version   that release's version (empty when none)
 * @param switching how long the switch took: the hooks and health check included, when they are set
 * @param recovered the interrupted switch this undid, in words, when there was one
 * @param service   the hooks and health attempts that ran, in order
 */
public record SwitchResult(Path link, Optional<Path> from, Optional<Path> to, String version, Duration switching,
                           Optional<String> recovered, List<ServiceEvent> service) {

    /** Copies the list. */
    public SwitchResult {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(switching, "switching");
        Objects.requireNonNull(recovered, "recovered");
        service = List.copyOf(service);
    }
}
