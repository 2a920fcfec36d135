package dev.srm.run;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.input.InputException;
import dev.srm.input.scenario.ScenarioReader;
import dev.srm.model.PackValidation;
import dev.srm.model.RuleDetail;
import dev.srm.model.RuleInfo;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleValidator;
import dev.srm.rules.RulesException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code srm rules show} and {@code validate}: a rule's text and the scenarios that exercise it; a pack's problems. */
public final class RuleInspection {
    private RuleInspection() {
    }

    /** The rule's detail; {@code scenarios} is searched when it is a directory. */
    public static RuleDetail detail(RulePack pack, RuleInfo rule, Path scenarios) {
        String text = pack.sources().drlFiles().stream().filter(f -> f.origin().equals(rule.file())).findFirst()
                .map(f -> RuleValidator.ruleText(f.content(), rule.line())).orElse("");
        List<String> exercising = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (scenarios != null && Files.isDirectory(scenarios)) {
            ScenarioReader reader = new ScenarioReader();
            Evaluator evaluator = new Evaluator(pack);
            for (Path f : ScenarioFiles.expand(List.of(scenarios)).files()) {
                try {
                    if (evaluator.evaluateTracked(reader.read(f), false).firedRules().contains(rule.id())) {
                        exercising.add(f.toString());
                    }
                } catch (InputException e) {
                    warnings.add(e.problem().toString());
                }
            }
        }
        return new RuleDetail(rule, text, exercising, warnings);
    }

    /** The validation of a pack that does not compile: its compile problems. */
    public static PackValidation failed(RulesException e) {
        return new PackValidation(e.problems(), 0, 0);
    }

    public static PackValidation validate(RulePack pack, Path scenarios) {
        List<String> problems = new ArrayList<>();
        List<RuleFile> drl = pack.sources().drlFiles();
        problems.addAll(RuleValidator.validate(pack.rules().values(), drl));
        if (scenarios != null && Files.isDirectory(scenarios)) {
            ScenarioReader reader = new ScenarioReader();
            Evaluator evaluator = new Evaluator(pack);
            for (Path f : ScenarioFiles.expand(List.of(scenarios)).files()) {
                try {
                    problems.addAll(Conflicts.in(evaluator.evaluate(reader.read(f))));
                } catch (InputException e) {
                    problems.add(e.problem().toString());
                }
            }
        }
        return new PackValidation(problems, pack.rules().size(), pack.controls().size(),
                RuleValidator.absentCaseWarnings(pack.rules().values(), drl, pack.catalog().schema()));
    }
}
