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
import java.util.Map;
import java.util.regex.Pattern;

/** {@code srm rules show} and {@code validate}: a rule's text and the scenarios that exercise it; a pack's problems. */
public final class RuleInspection {
    private RuleInspection() {
    }

    /** The rule's detail; {@code scenarios} is searched when it is a directory. */
    public static RuleDetail detail(RulePack pack, RuleInfo rule, Path scenarios) {
        String text = pack.sources().drlFiles().stream().filter(f -> f.origin().equals(rule.file()))
                .map(f -> RuleValidator.ruleText(f.content(), rule)).filter(t -> !t.isEmpty()).findFirst().orElse("");
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
        return new PackValidation(problems, pack.rules().size(), pack.controls().size(), riskyCalls(drl),
                RuleValidator.absentCaseWarnings(pack.rules().values(), drl, pack.catalog().schema()));
    }

    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    /** What a rule may call but should not: each a pattern of the DRL text and what it does to a run. */
    private static final List<Map.Entry<Pattern, String>> RISKY = List.of(
            Map.entry(Pattern.compile("\\bSystem\\s*\\.\\s*exit\\b"), "System.exit (ends srm with a code it did not choose)"),
            Map.entry(Pattern.compile("\\bRuntime\\s*\\.\\s*(getRuntime|exec|halt|exit)\\b"), "Runtime (exit, halt or running programs)"),
            Map.entry(Pattern.compile("\\bProcessBuilder\\b|\\bProcessHandle\\b"), "ProcessBuilder (runs programs)"),
            Map.entry(Pattern.compile("java\\.lang\\.reflect|java\\.lang\\.invoke|\\bClass\\s*\\.\\s*forName\\b|\\.getDeclared(Method|Field|Constructor)s?\\b"
                    + "|\\.setAccessible\\b|\\bMethodHandles?\\b"), "reflection"),
            Map.entry(Pattern.compile("java\\.io\\.File|java\\.nio\\.file|java\\.nio\\.channels|\\bFiles\\s*\\.|\\bPaths\\s*\\.|\\bnew\\s+File\\s*\\("
                    + "|\\bFile(Input|Output)Stream\\b|\\bFile(Reader|Writer)\\b|\\bRandomAccessFile\\b"), "file access"),
            Map.entry(Pattern.compile("java\\.net\\.|\\bnew\\s+(Server)?Socket\\s*\\(|\\bnew\\s+URL\\s*\\(|\\bURI\\s*\\.\\s*create\\b|\\bURLConnection\\b"
                    + "|\\bHttpClient\\b|\\bInetAddress\\b"),
                    "network access"));

    /**
     * One warning per line of DRL that calls what a rule should not: rules are code, and srm
     * runs them as they are; a consequence should only insert facts.
     */
    static List<String> riskyCalls(List<RuleFile> drl) {
        List<String> out = new ArrayList<>();
        for (RuleFile f : drl) {
            String[] lines = f.content().split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = STRING.matcher(lines[i]).replaceAll("\"\"").strip(); // what a string says is not a call
                if (line.startsWith("//") || line.startsWith("#") || line.startsWith("*") || line.startsWith("/*")) {
                    continue;
                }
                for (Map.Entry<Pattern, String> r : RISKY) {
                    if (r.getKey().matcher(line).find()) {
                        out.add(f.origin() + ":" + (i + 1) + ": calls " + r.getValue() + "; rules should only match facts and insert"
                                + " facts, and srm cannot vouch for a run that does this");
                        break;
                    }
                }
            }
        }
        return out;
    }
}
