package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.Srm;
import dev.srm.api.SrmException;
import dev.srm.api.SrmOptions;
import dev.srm.model.PackValidation;
import dev.srm.model.RuleDetail;
import dev.srm.report.rules.DutyListRenderer;
import dev.srm.report.rules.RuleDetailRenderer;
import dev.srm.report.rules.RuleListFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code srm rules}: list, show and validate the rules of a pack. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List, show and validate rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Validate.class, RulesCommand.Duties.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or validate");
    }

    /** A subcommand that reads the pack {@code --rules} and {@code --extra-rules} choose. */
    abstract static class OnPack extends PackCommand {
        @Mixin
        RulesOptions rules;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every rule: id, kind, severity, layer, source.")
    static final class ListRules extends OnPack {
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        RuleListFormat format;

        @Override
        int run(Cli cli) throws IOException {
            format.render(rules.load(cli).rules(), cli.out());
            cli.out().flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "duties", mixinStandardHelpOptions = true,
            description = "List the duty ids (the parts of every layer, part of srm's output contract): layer, id, title, meaning.")
    static final class Duties extends OnPack {
        @Override
        int run(Cli cli) throws IOException {
            DutyListRenderer.render(rules.load(cli).duties(), cli.out());
            return ExitCode.OK.code();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one rule: metadata, source, DRL text with file and line, and the scenarios that exercise it.")
    static final class Show extends OnPack {
        @Parameters(paramLabel = "ID", description = "The rule id (its name).")
        String id;
        @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
                description = "Where to look for scenarios that exercise the rule (default: ${DEFAULT-VALUE}).")
        Path scenarios;

        @Override
        int run(Cli cli) throws IOException {
            RuleDetail detail = rules.load(cli).rule(id, scenarios)
                    .orElseThrow(() -> new UsageException("no rule '" + id + "' in the pack; 'srm rules list' shows them all"));
            detail.warnings().forEach(w -> cli.err().println("warning: " + w));
            RuleDetailRenderer.render(detail.rule(), detail.text(), detail.exercisedBy(), cli.out());
            return ExitCode.OK.code();
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile a rule pack and check it: metadata, unique ids, known layers and severities, "
                    + "controls with integrations and sources, and no CONFLICT on the scenarios. Errors as file:line: message.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The rules directory (default: the bundled pack).")
        Path dir;
        @Option(names = "--extra-rules", paramLabel = "DIR", description = "Validate these rules on top of the pack (repeatable).")
        java.util.List<Path> extra = new java.util.ArrayList<>();
        @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
                description = "Scenarios to check for conflicts between rules (default: ${DEFAULT-VALUE}, when it exists).")
        Path scenarios;

        @Override
        public Integer call() throws Exception {
            Cli cli = Cli.of(spec);
            PackValidation v;
            try {
                Srm srm = cli.loader().load(new SrmOptions(dir, extra));
                v = srm.validate(scenarios);
            } catch (SrmException e) {
                e.problems().forEach(p -> cli.err().println("srm: " + p));
                cli.err().println("srm: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s"));
                return ExitCode.INPUT.code();
            }
            v.problems().forEach(p -> cli.err().println("srm: " + p));
            v.warnings().forEach(w -> cli.err().println("warning: " + w));
            if (v.valid()) {
                cli.out().println("ok: " + v.rules() + " rules, " + v.controls() + " controls"
                        + (v.undeclaredAbsent().isEmpty() ? "" : "; " + v.undeclaredAbsent().size()
                        + " controls have a requirement that no documented default decides and no @absent(\"fails\"|\"passes\") (see docs/controls.md)"));
                cli.out().flush();
                return ExitCode.OK.code();
            }
            cli.err().println("srm: " + v.problems().size() + " problem" + (v.problems().size() == 1 ? "" : "s"));
            return ExitCode.INPUT.code();
        }
    }
}
