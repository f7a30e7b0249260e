package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.log.LogFields;
import dev.verpath.engine.service.HealthReport;
import dev.verpath.engine.service.HookEnvironment;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.engine.workspace.Installation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * The operator's hooks around {@code migrate rollback}, as the TrustformeRS guide's rollback process has them: stop
 * the service, restore the backup, start the service, check that it works. The hooks are told
 * {@code VERPATH_FROM} = the installation's version before the restore and {@code VERPATH_TO} = the version restored.
 */
final class RestoreHooks {

    private RestoreHooks() {
    }

    /**
     * @param installation the installation, read under the lock
     * @param backup       the backup about to be restored
     * @param hooks        the hooks and health check for a product
     * @param progress     receives one line per hook and health attempt
     * @return the hooks, empty when none is set for the backup's product
     */
    static Optional<ServiceHooks> of(Installation installation, Path backup, Function<String, Optional<HookSettings>> hooks,
                                     Consumer<String> progress) {
        BackupManifest manifest = BackupStore.read(backup);
        return hooks.apply(manifest.product()).filter(h -> !h.lines().isEmpty()).map(h -> new ServiceHooks(h,
                new HookEnvironment(manifest.product(), installation.version().orElse(manifest.to()), manifest.from(),
                        installation.root(), Optional.of(manifest.id()),
                        Optional.ofNullable(MDC.get(LogFields.RUN_ID)).orElse("-")), progress));
    }

    /**
     * Starts the restored version and checks its health.
     *
     * @param services     the hooks
     * @param installation the installation
     * @param restored     what was restored
     * @throws UnhealthyFailure when the start hook fails or the restored version is not healthy: the files are restored,
     *                          the service is the operator's to look at
     */
    static void started(ServiceHooks services, Installation installation, InstallationRollback.Restored restored) {
        Optional<String> failed = services.attempt(HookPhase.AFTER_ROLLBACK).filter(r -> !r.succeeded())
                .map(r -> r.failureLine());
        Optional<HealthReport> health = failed.isPresent() ? Optional.empty() : services.health(restored.version());
        Optional<String> unhealthy = failed.or(() -> health.filter(h -> !h.healthy())
                .map(h -> "the health check found " + restored.version() + " " + h.summary()));
        if (unhealthy.isPresent()) {
            throw new UnhealthyFailure("restored backup " + restored.backupId() + ": " + installation.root() + " is at "
                    + restored.version() + ", but " + unhealthy.get() + "; the files are as the backup holds them: check"
                    + " the service (its log), not the installation", restored.backupId(), false, services.events());
        }
    }
}
