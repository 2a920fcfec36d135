package dev.srm;

import dev.srm.testing.Slow;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package structure srm promises (docs: README "How it works"): data flows one way,
 * inputs -> model -> engine -> results -> reports, and each front end (CLI, server) talks to
 * the one facade, {@code dev.srm.api}. A change that needs an arrow this table lacks changes
 * the table first, with the reason.
 */
@Slow
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.srm");
    }

    /** The layers and who may use each. */
    static Architectures.LayeredArchitecture layers() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.srm.cli..")
                .optionalLayer("server").definedBy("dev.srm.server..")
                .layer("api").definedBy("dev.srm.api..")
                .layer("run").definedBy("dev.srm.run..")
                .layer("input").definedBy("dev.srm.input..")
                .layer("engine").definedBy("dev.srm.engine..")
                .optionalLayer("policy").definedBy("dev.srm.policy..")
                .layer("report").definedBy("dev.srm.report..")
                .layer("rules").definedBy("dev.srm.rules..")
                .layer("model").definedBy("dev.srm.model..")
                .layer("facts").definedBy("dev.srm.facts..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("server").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli", "server")
                .whereLayer("run").mayOnlyBeAccessedByLayers("api")
                .whereLayer("input").mayOnlyBeAccessedByLayers("run", "api")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("run", "api")
                .whereLayer("policy").mayOnlyBeAccessedByLayers("run", "api")
                .whereLayer("report").mayOnlyBeAccessedByLayers("run", "api", "cli", "server")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("input", "engine", "run", "api")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "server", "api", "run", "input", "engine", "policy", "report",
                        "rules")
                .whereLayer("facts").mayOnlyBeAccessedByLayers("cli", "server", "api", "run", "input", "engine", "policy", "report",
                        "rules", "model");
    }

    @Test
    void every_package_stays_in_its_layer() {
        layers().check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CliCallsTheEngine", "CliReadsScenarios", "CliCallsTheRunLayer", "CliLoadsRules"})
    void the_layers_catch_a_cli_that_goes_around_the_facade(String violation) throws ClassNotFoundException {
        JavaClasses bad = new ClassFileImporter().importClasses(Class.forName("dev.srm.cli.ArchitectureViolations$" + violation));
        assertThatThrownBy(() -> layers().check(bad)).isInstanceOf(AssertionError.class).hasMessageContaining("dev.srm.cli");
        assertThatThrownBy(() -> cliUsesOnlyTheFacade().check(bad)).isInstanceOf(AssertionError.class);
    }

    static com.tngtech.archunit.lang.ArchRule cliUsesOnlyTheFacade() {
        return classes().that().resideInAPackage("dev.srm.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.srm.cli..", "dev.srm.api..", "dev.srm.report..",
                        "dev.srm.model..", "dev.srm.facts..", "picocli..", "java..");
    }

    @Test
    void the_cli_uses_the_facade_and_the_reports_and_nothing_else_of_srm() {
        cliUsesOnlyTheFacade().check(classes);
    }

    @Test
    void only_the_engine_touches_the_drools_api() {
        noClasses().that().resideOutsideOfPackages("dev.srm.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void facts_and_model_are_plain_values() {
        noClasses().that().resideInAnyPackage("dev.srm.facts..", "dev.srm.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "picocli..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void the_cli_never_parses_files_itself() {
        noClasses().that().resideInAPackage("dev.srm.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "com.networknt..")
                .check(classes);
    }

    @Test
    void benchmark_tooling_is_not_in_the_production_jar() {
        noClasses().should().resideInAPackage("dev.srm.bench..").allowEmptyShould(true).check(classes);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.srm.(*)..").should().beFreeOfCycles().check(classes);
    }
}
