package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.ServiceEvent;
import dev.verpath.engine.service.HookEnvironment;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The operator's hooks around {@code migrate rollback}, as the TrustformeRS guide's rollback process has them: stop
 * the service, restore the backup, validate it, start the service, check that it works. The hooks are told
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
                HookEnvironment.ofRun(manifest.product(), installation.version().orElse(manifest.to()), manifest.from(),
                        installation.root(), Optional.of(manifest.id())), progress));
    }

    /**
     * Validates the restored installation with its product's rules, then starts the restored version and checks its
     * health.
     *
     * @param services     the hooks
     * @param installation the installation
     * @param restored     what was restored
     * @param validation   the product's validation, when its rules are loaded
     * @throws UnhealthyFailure when the start hook fails or the restored version is not healthy: the files are restored,
     *                          the service is the operator's to look at
     * @throws InputFailure     with {@link ErrorCode#VALIDATION_FAILED} when the service is up but the restored
     *                          installation has errors by its rules
     */
    static void started(ServiceHooks services, Installation installation, InstallationRollback.Restored restored,
                        BiFunction<String, Path, Optional<ValidationReport>> validation) {
        Installation now = Installation.at(installation.root());
        List<Finding> errors = validation.apply(now.product(), now.root()).map(r -> r.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList()).orElse(List.of());
        services.note(ServiceEvent.of("validation", errors.isEmpty() ? "ok" : "errors", "validation of " + restored.version()
                + ": " + (errors.isEmpty() ? "no errors" : errors.size() + " error(s), the first: " + errors.get(0).path()
                + ": " + errors.get(0).message())));
        Optional<String> unhealthy = services.startAndCheck(HookPhase.AFTER_ROLLBACK, restored.version());
        String at = "restored backup " + restored.backupId() + ": " + installation.root() + " is at " + restored.version();
        if (unhealthy.isPresent()) {
            throw new UnhealthyFailure(at + ", but " + unhealthy.get() + "; the files are as the backup holds them: check"
                    + " the service (its log), not the installation", restored.backupId(), false, services.events());
        }
        if (!errors.isEmpty()) {
            throw new InputFailure(ErrorCode.VALIDATION_FAILED, at + " and the service is up, but its rules find "
                    + errors.size() + " error(s) in it, the first: " + errors.get(0).path() + ": " + errors.get(0).message()
                    + "; run 'migrate validate --path " + installation.root() + "' for each and how to fix it");
        }
    }
}
