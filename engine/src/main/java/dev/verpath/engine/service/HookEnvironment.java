package dev.verpath.engine.service;

import dev.verpath.engine.log.LogFields;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * What a hook is told about the run, as environment variables: {@code VERPATH_PRODUCT}, {@code VERPATH_FROM},
 * {@code VERPATH_TO}, {@code VERPATH_PATH}, {@code VERPATH_BACKUP_ID} (empty when there is no backup),
 * {@code VERPATH_RUN_ID} and {@code VERPATH_PHASE}. A hook's environment is Verpath's own plus these and nothing
 * else: Verpath never passes a secret to a hook. Immutable.
 *
 * @param product  the product, e.g. {@code serve}
 * @param from     the installation's version before the run
 * @param to       the target version
 * @param path     the installation's folder
 * @param backupId the run's backup, when it has one
 * @param runId    the run's id, as the audit trail names it
 */
public record HookEnvironment(String product, String from, String to, Path path, Optional<String> backupId,
                              String runId) {

    /** Checks that nothing is null. */
    public HookEnvironment {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(runId, "runId");
    }

    /**
     * The environment of the running command: its run id is the one the audit trail and the log lines carry.
     *
     * @param product  the product
     * @param from     the version before
     * @param to       the version after
     * @param path     the installation's folder (or the link the server reads through)
     * @param backupId the backup, when there is one
     * @return the environment
     */
    public static HookEnvironment ofRun(String product, String from, String to, Path path, Optional<String> backupId) {
        return new HookEnvironment(product, from, to, path, backupId,
                Optional.ofNullable(MDC.get(LogFields.RUN_ID)).orElse("-"));
    }

    /**
     * @param backup the run's backup, once it is taken
     * @return this environment with it
     */
    public HookEnvironment withBackup(String backup) {
        return new HookEnvironment(product, from, to, path, Optional.of(backup), runId);
    }

    /**
     * @param phase the phase's key, {@code before_commit} ... or {@code health}
     * @return the variables, in a fixed order
     */
    public Map<String, String> variables(String phase) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("VERPATH_PRODUCT", product);
        vars.put("VERPATH_FROM", from);
        vars.put("VERPATH_TO", to);
        vars.put("VERPATH_PATH", path.toAbsolutePath().toString());
        vars.put("VERPATH_BACKUP_ID", backupId.orElse(""));
        vars.put("VERPATH_RUN_ID", runId);
        vars.put("VERPATH_PHASE", phase);
        return vars;
    }
}
