package dev.srm.testing;

import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.model.Scenario;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.scenario.ScenarioReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The bundled pack compiled once per test JVM, and helpers to evaluate scenarios through it. */
public final class Packs {
    private static RulePack bundled;
    private static final ScenarioReader READER = new ScenarioReader();

    private Packs() {
    }

    public static synchronized RulePack bundled() {
        if (bundled == null) {
            try {
                bundled = RulePack.load(RuleSources.bundled());
            } catch (RulesException e) {
                throw new AssertionError("the bundled rules do not compile: " + e.problems());
            }
        }
        return bundled;
    }

    /** The process-wide cache of compiled packs the CLI tests share (a pack is compiled once per test JVM). */
    public static final Srm.Loader LOADER = Srm.Loader.caching();

    /** The bundled pack behind the public API, compiled once per test JVM. */
    public static Srm srm() {
        return LOADER.load(SrmOptions.bundled());
    }

    public static Evaluator evaluator() {
        return new Evaluator(bundled());
    }

    public static ScenarioReader reader() {
        return READER;
    }

    /** Evaluates a scenario file of the repository through the real engine. */
    public static Evaluation evaluate(Path file) {
        try {
            return evaluator().evaluate(READER.read(file));
        } catch (InputException e) {
            throw new AssertionError(e.problem().toString());
        }
    }

    /** Evaluates the first stack of a CloudFormation template of the repository through the real engine. */
    public static Evaluation evaluateTemplate(Path file) {
        try {
            return evaluator().evaluate(new dev.srm.input.cloudformation.CloudFormationReader()
                    .read(file.toString(), java.nio.file.Files.readAllBytes(file)).get(0));
        } catch (InputException e) {
            throw new AssertionError(e.problem().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Evaluates a scenario written inline in YAML. */
    public static Evaluation evaluateYaml(String yaml) {
        return evaluator().evaluate(parse(yaml));
    }

    public static Scenario parse(String yaml) {
        try {
            return READER.read("inline.yaml", yaml.getBytes(StandardCharsets.UTF_8), Format.YAML, 0);
        } catch (InputException e) {
            throw new AssertionError(e.problem().toString());
        }
    }
}
