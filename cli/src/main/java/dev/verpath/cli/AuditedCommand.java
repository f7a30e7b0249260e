package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.journal.AuditTrail;
import dev.verpath.engine.model.RollbackResult;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command that changes an installation (or tries to), as its line in the audit trail ({@link AuditTrail}):
 * its start is left in the state folder before any work, what the command learns is added as it runs (the plan,
 * the backup, the bytes, the system snapshot), and its line is appended when it ends. A command refused as a usage
 * error (exit 2), or that a dry-run flag made a dry run, changed nothing and tried nothing: it leaves no line, and no
 * state folder it made for its start.
 */
final class AuditedCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AuditedCommand.class);

    private final AuditTrail trail;
    private final Path stateFolder;
    private final boolean stateFolderExisted;
    private final ObjectNode line;
    private final boolean deferred;
    private Optional<SystemSnapshot> snapshot = Optional.empty();
    private boolean dryRun;

    private AuditedCommand(Path stateFolder, boolean existed, ObjectNode start, boolean deferred) {
        this.trail = AuditTrail.in(stateFolder);
        this.stateFolder = stateFolder;
        this.stateFolderExisted = existed;
        this.line = start;
        this.deferred = deferred;
    }

    /**
     * The audit of {@code version --into DEST}: the installation it writes does not exist until the command has built
     * it, so no start is left; the line is written into DEST's trail when the command ends and DEST is there (built,
     * or built and switched back from), and nowhere when the command built nothing.
     *
     * @param dest  the installation the command builds
     * @param start the start: run id, command, its line, user, host, pid, times
     * @return the audited command
     */
    static AuditedCommand deferred(Path dest, ObjectNode start) {
        return new AuditedCommand(dest.resolve(LiveTree.STATE_FOLDER), false, start, true);
    }

    /**
     * Starts the audit of a command on an installation: first writes the lines of earlier commands that were killed,
     * then leaves this one's start.
     *
     * @param root  the installation
     * @param start the start: run id, command, its line, user, host, pid, times
     * @return the audited command, or empty when its start cannot be written (the command still runs; a warning is
     *         logged)
     */
    static Optional<AuditedCommand> start(Path root, ObjectNode start) {
        Path stateFolder = root.resolve(LiveTree.STATE_FOLDER);
        boolean existed = Files.isDirectory(stateFolder);
        try {
            Installation installation = Installation.at(root);
            start.put("product", installation.product());
            installation.version().ifPresent(v -> start.put("from", v));
        } catch (RuntimeException unreadable) {
            // an installation whose VERSION cannot be read: the command's own failure will say so
        }
        AuditedCommand command = new AuditedCommand(stateFolder, existed, start, false);
        try {
            command.trail.settleKilled(AuditedCommand::killed);
            command.trail.open(start);
            return Optional.of(command);
        } catch (IOException e) {
            LOG.warn("{}: cannot write the audit trail ({}); the command runs without its line", stateFolder, e.getMessage());
            return Optional.empty();
        }
    }

    /** The line of a command whose start was left behind by a process that is gone. */
    static ObjectNode killed(ObjectNode start) {
        ObjectNode line = start.deepCopy();
        line.putNull("end");
        line.put("outcome", "killed");
        line.putNull("exit_code");
        line.put("error", "the process ended without recording its end (killed, or the machine stopped)");
        return line;
    }

    /** @param system the system the command runs on */
    void snapshot(SystemSnapshot system) {
        snapshot = Optional.of(system);
    }

    /** @param result what a migration did */
    void ran(RunResult result) {
        dryRun = result.dryRun(); // a flag that means dry run (WAN_DRY_RUN_MODE) made it one: it wrote nothing
        line.put("product", result.plan().product()).put("from", result.plan().from()).put("to", result.plan().to());
        line.putArray("steps").addAll(result.plan().steps().stream()
                .map(s -> JsonNodeFactory.instance.textNode(s.from() + " -> " + s.to())).toList());
        result.backupId().ifPresent(id -> line.put("backup_id", id));
        line.put("files_changed", result.changes().size());
        line.put("bytes_read", result.counters().getOrDefault("record_bytes_read", 0L));
        line.put("bytes_written", result.counters().getOrDefault("record_bytes_written", 0L));
    }

    /** @param result what a rollback of a release link did */
    void switched(dev.verpath.engine.model.SwitchResult result) {
        line.put("to", result.version());
        result.to().ifPresent(to -> line.put("switched_to", to.toString()));
    }

    /** @param result what a rollback restored */
    void restored(RollbackResult result) {
        line.put("backup_id", result.backupId()).put("to", result.version());
        line.put("files_restored", result.entries());
    }

    /**
     * Appends the command's line, or for a usage error removes its start.
     *
     * @param exitCode the command's exit code
     * @param outcome  how it ended, in a word
     * @param error    the failure's one line, when it failed
     */
    void finish(int exitCode, String outcome, Optional<String> error) {
        String runId = line.path("run_id").asText();
        try {
            if (deferred) {
                if (exitCode != ExitStatus.USAGE.code() && !dryRun && Files.isDirectory(stateFolder)) {
                    trail.append(ended(exitCode, outcome, error));
                }
                return;
            }
            if (exitCode == ExitStatus.USAGE.code() || dryRun) {
                trail.close(runId);
                removeIfEmpty(stateFolder.resolve(AuditTrail.OPEN));
                if (!stateFolderExisted) {
                    removeIfEmpty(stateFolder);
                }
                return;
            }
            trail.append(ended(exitCode, outcome, error));
            trail.close(runId);
        } catch (IOException e) {
            LOG.error("{}: cannot write the audit trail ({}); this command's line is missing", stateFolder, e.getMessage());
        }
    }

    private ObjectNode ended(int exitCode, String outcome, Optional<String> error) {
        line.put("end", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).put("outcome", outcome)
                .put("exit_code", exitCode);
        error.ifPresent(e -> line.put("error", e));
        snapshot.ifPresent(s -> line.set("system", s.json()));
        return line;
    }

    private static void removeIfEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }
}
