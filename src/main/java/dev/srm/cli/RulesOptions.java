package dev.srm.cli;

import dev.srm.engine.RulePack;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which rule pack a command uses: the bundled one, a replacement, and packs added on top. */
public final class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the DRL rules in DIR instead of the bundled pack. A rules directory is code: use only trusted ones.")
    Path rules;

    @Option(names = "--extra-rules", paramLabel = "DIR",
            description = "Add the DRL rules in DIR on top of the pack (repeatable). Trusted code, like --rules.")
    List<Path> extraRules = new ArrayList<>();

    /** The files of the chosen pack. */
    public RuleSources sources() throws RulesException {
        RuleSources sources = rules == null ? RuleSources.bundled() : RuleSources.directory(rules);
        for (Path extra : extraRules) {
            sources = sources.plus(RuleSources.directory(extra));
        }
        return sources;
    }

    /**
     * Loads the chosen pack, or prints each problem as {@code srm: file:line: message} and
     * returns null (the command then exits with {@link ExitCode#INPUT}).
     */
    public RulePack loadOrReport(java.io.PrintWriter err) {
        try {
            return load();
        } catch (RulesException e) {
            e.problems().forEach(p -> err.println("srm: " + p));
            return null;
        }
    }

    /** Compiles the chosen pack; compile errors come back as {@code file:line: message}. */
    public RulePack load() throws RulesException {
        return RulePack.load(sources());
    }
}
