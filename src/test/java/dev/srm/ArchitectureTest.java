package dev.srm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package structure srm promises: Drools only in the engine, a thin CLI, a model that depends on nothing. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.srm");
    }

    @Test
    void only_the_engine_touches_the_drools_api() {
        noClasses().that().resideOutsideOfPackages("dev.srm.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void facts_and_model_depend_on_nothing_of_srm_but_each_other() {
        noClasses().that().resideInAnyPackage("dev.srm.facts..", "dev.srm.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.srm.engine..", "dev.srm.cli..", "dev.srm.report..",
                        "dev.srm.run..", "dev.srm.input..", "dev.srm.rules..", "com.fasterxml..", "picocli..")
                .check(classes);
    }

    @Test
    void the_cli_is_thin_it_never_reaches_into_drools_or_parses_files_itself() {
        noClasses().that().resideInAPackage("dev.srm.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.dataformat..", "com.networknt..",
                        "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void nothing_depends_on_the_cli() {
        noClasses().that().resideOutsideOfPackage("dev.srm.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.srm.cli..")
                .check(classes);
    }

    @Test
    void reports_do_not_evaluate() {
        noClasses().that().resideInAPackage("dev.srm.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.srm.engine..", "dev.srm.input..")
                .check(classes);
    }

    @Test
    void the_corpus_generator_stands_apart() {
        noClasses().that().resideInAPackage("dev.srm.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.srm.engine..", "dev.srm.cli..", "dev.srm.run..",
                        "dev.srm.report..", "org.kie..", "org.drools..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.srm.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.srm.bench..")
                .check(classes);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.srm.(*)..").should().beFreeOfCycles().check(classes);
    }
}
