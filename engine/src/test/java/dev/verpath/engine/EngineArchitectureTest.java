package dev.verpath.engine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's shape, checked on every build (docs/architecture.md draws it): its packages form no cycle, the
 * front door ({@code dev.verpath.engine} itself) is above everything and used by nothing inside the engine, the
 * engine never reaches into the CLI, and the record pipeline never into the run that drives it.
 */
@AnalyzeClasses(packages = "dev.verpath.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

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
