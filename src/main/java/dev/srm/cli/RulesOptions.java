package dev.srm.cli;

import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which rule pack a command uses: the bundled one, a replacement, and packs added on top. */
class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the DRL rules in DIR instead of the bundled pack. A rules directory is code: use only trusted ones.")
    Path rules;

    @Option(names = "--extra-rules", paramLabel = "DIR",
            description = "Add the DRL rules in DIR on top of the pack (repeatable). Trusted code, like --rules.")
    List<Path> extraRules = new ArrayList<>();

    SrmOptions options() {
        return new SrmOptions(rules, extraRules);
    }

    /** The chosen pack; throws an {@link dev.srm.api.SrmException} (exit 3) when it cannot be read. */
    Srm load(Cli cli) {
        return cli.loader().load(options());
    }
}
