package dev.srm.cli;

import dev.srm.api.Srm;
import picocli.CommandLine.Mixin;

/** How input files are read (their format, how an inventory is grouped) and the rule pack that reads them: compare, crm, import. */
final class ReadingOptions {
    @Mixin
    InputOptions input;

    @Mixin
    RulesOptions rules;

    /** The chosen pack (exit 3 when it cannot be read). */
    Srm load(Cli cli) {
        return rules.load(cli);
    }
}
