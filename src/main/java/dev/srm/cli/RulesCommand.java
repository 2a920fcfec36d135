package dev.srm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.report.Json;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleInfo;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RuleValidator;
import dev.srm.rules.RulesException;
import dev.srm.run.Conflicts;
import dev.srm.run.ScenarioFiles;
import dev.srm.scenario.ScenarioException;
import dev.srm.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code srm rules}: list, show and validate the rules of a pack. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List, show and validate rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Validate.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or validate");
    }

    /** Output formats of rules list. */
    enum ListFormat { text, json }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every rule: id, kind, severity, layer, source.")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RulesOptions rules;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        ListFormat format;

        @Override
        public Integer call() throws Exception {
            Cli cli = Cli.of(spec);
            RulePack pack = rules.loadOrReport(cli.err());
            if (pack == null) {
                return ExitCode.INPUT.code();
            }
            if (format == ListFormat.json) {
                ArrayNode all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                pack.rules().values().forEach(r -> all.add(ruleJson(r)));
                Json.write(all, cli.out());
            } else {
                PrintWriter out = cli.out();
                out.printf("%-44s %-14s %-9s %-32s %s%n", "ID", "KIND", "SEVERITY", "LAYER", "SOURCE");
                for (RuleInfo r : pack.rules().values()) {
                    out.printf("%-44s %-14s %-9s %-32s %s%n", r.id(), r.kind(), dash(r.severity()), dash(r.layer()), dash(r.source()));
                }
                out.printf("%d rules%n", pack.rules().size());
            }
            cli.out().flush();
            return ExitCode.OK.code();
        }
    }

    static ObjectNode ruleJson(RuleInfo r) {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("id", r.id());
        n.put("kind", r.kind());
        n.put("title", r.title());
        n.put("severity", r.severity());
        n.put("layer", r.layer());
        n.put("source", r.source());
        n.put("package", r.pkg());
        n.put("file", r.file());
        n.put("line", r.line());
        ObjectNode meta = n.putObject("metadata");
        r.metadata().forEach(meta::put);
        return n;
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one rule: metadata, source, DRL text with file and line, and the scenarios that exercise it.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RulesOptions rules;
        @Parameters(paramLabel = "ID", description = "The rule id (its name).")
        String id;
        @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
                description = "Where to look for scenarios that exercise the rule (default: ${DEFAULT-VALUE}).")
        Path scenarios;

        @Override
        public Integer call() throws Exception {
            Cli cli = Cli.of(spec);
            RulePack pack = rules.loadOrReport(cli.err());
            if (pack == null) {
                return ExitCode.INPUT.code();
            }
            RuleInfo r = pack.rule(id);
            if (r == null) {
                throw new UsageException("no rule '" + id + "' in the pack; 'srm rules list' shows them all");
            }
            PrintWriter out = cli.out();
            out.println(r.id() + " (" + (r.kind().isEmpty() ? "no kind" : r.kind()) + ")");
            out.println("  title:    " + r.title());
            if (r.severity() != null) {
                out.println("  severity: " + r.severity());
            }
            if (r.layer() != null) {
                out.println("  layer:    " + r.layer());
            }
            out.println("  source:   " + dash(r.source()));
            out.println("  where:    " + r.file() + ":" + r.line() + " (package " + r.pkg() + ")");
            out.println("  metadata:");
            r.metadata().forEach((k, v) -> out.println("    @" + k + "(" + v + ")"));
            out.println();
            String text = pack.sources().drlFiles().stream().filter(f -> f.origin().equals(r.file())).findFirst()
                    .map(f -> RuleValidator.ruleText(f.content(), r.line())).orElse("");
            int n = r.line();
            for (String line : text.lines().toList()) {
                out.printf("%5d | %s%n", n++, line);
            }
            out.println();
            List<String> exercising = new ArrayList<>();
            if (Files.isDirectory(scenarios)) {
                ScenarioReader reader = new ScenarioReader();
                Evaluator evaluator = new Evaluator(pack);
                for (Path f : ScenarioFiles.expand(List.of(scenarios)).files()) {
                    try {
                        if (evaluator.evaluateTracked(reader.read(f), false).firedRules().contains(id)) {
                            exercising.add(f.toString());
                        }
                    } catch (ScenarioException e) {
                        cli.err().println("warning: " + e.problem());
                    }
                }
            }
            out.println("Scenarios that exercise it (" + exercising.size() + "):");
            exercising.forEach(f -> out.println("  " + f));
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile a rule pack and check it: metadata, unique ids, known layers and severities, "
                    + "controls with integrations and sources, and no CONFLICT on the scenarios. Errors as file:line: message.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {" 0:the pack is valid", " 3:the pack has errors"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The rules directory (default: the bundled pack).")
        Path dir;
        @Option(names = "--extra-rules", paramLabel = "DIR", description = "Validate these rules on top of the pack (repeatable).")
        List<Path> extra = new ArrayList<>();
        @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
                description = "Scenarios to check for conflicts between rules (default: ${DEFAULT-VALUE}, when it exists).")
        Path scenarios;

        @Override
        public Integer call() throws Exception {
            Cli cli = Cli.of(spec);
            List<String> problems = new ArrayList<>();
            RulePack pack = null;
            try {
                RuleSources sources = dir == null ? RuleSources.bundled() : RuleSources.directory(dir);
                for (Path e : extra) {
                    sources = sources.plus(RuleSources.directory(e));
                }
                pack = RulePack.load(sources);
                List<RuleFile> drl = sources.drlFiles();
                problems.addAll(RuleValidator.validate(pack.rules().values(), drl));
            } catch (RulesException e) {
                problems.addAll(e.problems());
            }
            if (pack != null && Files.isDirectory(scenarios)) {
                ScenarioReader reader = new ScenarioReader();
                Evaluator evaluator = new Evaluator(pack);
                for (Path f : ScenarioFiles.expand(List.of(scenarios)).files()) {
                    try {
                        Evaluation e = evaluator.evaluate(reader.read(f));
                        problems.addAll(Conflicts.in(e));
                    } catch (ScenarioException e) {
                        problems.add(e.problem().toString());
                    }
                }
            }
            problems.forEach(cli.err()::println);
            if (problems.isEmpty()) {
                cli.out().println("ok: " + pack.rules().size() + " rules, " + pack.controls().size() + " controls");
                cli.out().flush();
                return ExitCode.OK.code();
            }
            cli.err().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
            return ExitCode.INPUT.code();
        }
    }
}
