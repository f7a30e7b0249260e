package dev.verpath.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists, at the end of a module's tests, every test that was skipped and why (a missing program, no root, no
 * mount), so that a green build says what it did not check. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} for every module that has this
 * artifact on its test class path. Not thread-safe; JUnit calls it from one thread.
 */
public final class SkippedTestsReport implements TestExecutionListener {

    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.add(name(test) + ": " + result.getThrowable().map(Throwable::getMessage)
                    .map(m -> m.replaceFirst("^Assumption failed: ", "")).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("Skipped tests (" + skipped.size() + "), and why:\n");
        skipped.forEach(line -> report.append("  ").append(line).append('\n'));
        System.out.print(report);
        System.out.flush();
        skipped.clear();
    }

    private static String name(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
                .orElse(test.getDisplayName());
    }
}
