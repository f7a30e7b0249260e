package dev.verpath.engine.service;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import java.util.Objects;

/**
 * A hook failed, timed out or could not be run where its failure stops the command (a {@code before_run} or
 * {@code before_commit} hook: nothing was changed). {@link ErrorCode#HOOK_FAILED}, exit 1. The message is the
 * result's {@link HookResult#failureLine()} and what the caller adds. Immutable.
 */
public final class HookFailure extends EnvironmentFailure {

    private static final long serialVersionUID = 1L;

    private final transient HookResult result;

    /**
     * @param result  how the hook ended
     * @param outcome what that meant for the command, e.g. {@code nothing was changed; fix the hook and run again}
     */
    public HookFailure(HookResult result, String outcome) {
        super(ErrorCode.HOOK_FAILED, Objects.requireNonNull(result, "result").failureLine() + "; " + outcome, null);
        this.result = result;
    }

    /** @return how the hook ended */
    public HookResult result() {
        return result;
    }
}
