package dev.verpath.rules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.verpath.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesApiArchitectureTest {

    @ArchTest
    static final ArchRule apiDependsOnNoEngineCode = noClasses()
            .that().resideInAPackage("dev.verpath.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.verpath.engine..", "dev.verpath.cli..", "dev.verpath.builtin..",
                    "org.jgrapht..", "com.github.zafarkhaja..", "picocli..", "org.apache.commons..");

    @ArchTest
    static final ArchRule apiReachesOnlyJavaPf4jAndSlf4j = noClasses()
            .that().resideInAPackage("dev.verpath.rules..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.verpath.rules..", "java..", "org.pf4j..",
                    // RuleContext.logger() (2.1.0): the logging API, already on every plugin's class path through PF4J
                    "org.slf4j");
}
