package dev.verpath.engine.failure;

import java.nio.file.Path;

/**
 * VERSION itself is wrong: its first line is not a version, or it names a product the history contradicts. A
 * usage error for the commands that need the version; a finding on {@code VERSION} line 1 for {@code validate}, which
 * reads the problem and its remedy apart.
 */
public final class VersionFileProblem extends EngineFailure {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String remedy;

    /**
     * @param versionFile the file
     * @param problem     what is wrong with its first line
     * @param remedy      what to do, starting in lower case
     */
    public VersionFileProblem(Path versionFile, String problem, String remedy) {
        super(ErrorCode.USAGE, versionFile + ":1: " + problem + "; " + remedy);
        this.problem = problem;
        this.remedy = remedy;
    }

    /** @return what is wrong with VERSION's first line */
    public String problem() {
        return problem;
    }

    /** @return what to do about it */
    public String remedy() {
        return remedy;
    }
}
