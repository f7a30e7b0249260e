package dev.verpath.engine.service;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.model.ServiceEvent;
import java.util.List;
import java.util.Objects;

/**
 * The migration was committed, but the service around it was not healthy afterwards (its {@code after_commit} hook
 * failed or its health check never passed), so the run's backup was restored at once: the installation is as it
 * was before the run. Says whether the old version is healthy again. {@link ErrorCode#UNHEALTHY}, exit 6.
 * Immutable.
 */
public final class UnhealthyFailure extends EnvironmentFailure {

    private static final long serialVersionUID = 1L;

    private final String backupId;
    private final boolean oldHealthy;
    private final List<ServiceEvent> events;

    /**
     * @param message    one line: why the new version counts as unhealthy, that the backup was restored, how the old
     *                   version is, and what to do
     * @param backupId   the backup restored
     * @param oldHealthy whether the old version passed the health check again (true when there is no check)
     * @param events     the hooks and health attempts that ran, one line each, in order
     */
    public UnhealthyFailure(String message, String backupId, boolean oldHealthy, List<ServiceEvent> events) {
        super(ErrorCode.UNHEALTHY, message, null);
        this.backupId = Objects.requireNonNull(backupId, "backupId");
        this.oldHealthy = oldHealthy;
        this.events = List.copyOf(events);
    }

    /** @return the id of the backup that was restored */
    public String backupId() {
        return backupId;
    }

    /** @return whether the old version is healthy again after the restore */
    public boolean oldHealthy() {
        return oldHealthy;
    }

    /** @return the hooks and health attempts that ran, one line each */
    public List<ServiceEvent> events() {
        return events;
    }
}
