package dev.verpath.cli;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The one mapping from a failure to an exit code: an engine failure exits with the code
 * {@link ExitStatus} gives its {@link ErrorCode}, a usage error with 2, anything else with 1.
 */
final class ExitCodes implements IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable failure) {
        if (failure instanceof ParameterException) {
            return ExitStatus.USAGE.code();
        }
        return engineFailure(failure)
                .map(m -> ExitStatus.of(ErrorCode.of(m)).code())
                .orElse(ExitStatus.FAILED.code());
    }

    /**
     * The engine failure behind an exception: itself or the nearest cause that is one.
     *
     * @param failure the exception
     * @return the engine failure, or empty
     */
    static java.util.Optional<MigrationException> engineFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MigrationException m) {
                return java.util.Optional.of(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
