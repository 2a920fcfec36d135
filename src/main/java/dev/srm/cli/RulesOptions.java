package dev.srm.cli;

import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    SrmOptions options() {
        return new SrmOptions(rules, extraRules);
    }

    /** The chosen pack; throws an {@link dev.srm.api.SrmException} (exit 3) when it cannot be read. */
    Srm load() {
        return Main.loader(command).load(options());
    }

    /** The chosen pack, whose rules may run as long as {@code --timeout} says on each scenario. */
    Srm load(TimeoutOption limit) {
        return Main.loader(command).load(options().withTimeout(limit.timeout));
    }
}
