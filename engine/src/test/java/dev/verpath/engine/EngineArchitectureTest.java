package dev.verpath.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's shape, checked on every build (docs/architecture.md draws it): its packages form no cycle and
 * each uses only the packages below it in {@link #LAYERS}, the front door ({@code dev.verpath.engine} itself) is
 * above everything and used by nothing inside the engine, the engine never reaches into the CLI, and the record
 * pipeline never into the run that drives it.
 */
@AnalyzeClasses(packages = "dev.verpath.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    /** The engine's packages, top to bottom, as docs/architecture.md lists them. */
    static final List<String> LAYERS = List.of("execute", "release", "restore", "service", "reuse", "validate", "remote", "backup", "workspace", "edit", "records",
            "model", "plan", "plugin", "graph", "settings", "journal", "files", "failure",
            "progress", "log");

    @ArchTest
    static void eachPackageUsesOnlyThoseBelowIt(JavaClasses engine) {
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(0, i).stream().map(p -> "dev.verpath.engine." + p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.verpath.engine." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(LAYERS.get(i) + " is below " + String.join(", ", LAYERS.subList(0, i)))
                    .check(engine);
        }
    }

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.verpath.engine.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule frontDoorIsOnTop = noClasses()
            .that().resideInAPackage("dev.verpath.engine.(*)..")
            .should().dependOnClassesThat().resideInAPackage("dev.verpath.engine");

    @ArchTest
    static final ArchRule engineNeverCallsTheCli = noClasses()
            .that().resideInAPackage("dev.verpath.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.verpath.cli..");

    @ArchTest
    static final ArchRule recordPipelineStaysOutOfTheRun = noClasses()
            .that().resideInAPackage("dev.verpath.engine.records..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.verpath.engine.execute..", "dev.verpath.engine.workspace..",
                    "dev.verpath.engine.validate..", "dev.verpath.engine.backup..");

    @ArchTest
    static final ArchRule phasesStayInsideTheEngine = noClasses()
            .that().resideInAPackage("dev.verpath.engine.execute..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.verpath.builtin..", "dev.verpath.testkit..");

    @ArchTest
    static final ArchRule failuresDependOnNothingOfTheEngine = noClasses()
            .that().resideInAPackage("dev.verpath.engine.failure..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.verpath.engine.failure..", "dev.verpath.rules..",
                    "java..");
}
