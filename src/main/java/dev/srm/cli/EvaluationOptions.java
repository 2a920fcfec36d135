package dev.srm.cli;

import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What evaluate and audit share: how inputs are read, template parameters, the rule pack and its time limit,
 * and the policy (thresholds, waivers, baseline, as-of date).
 */
final class EvaluationOptions {
    @Mixin
    InputOptions input;

    @Mixin
    TemplateOptions templates;

    @Mixin
    RunOptions rules;

    @Mixin
    PolicyFlags policy;

    /** Every file the command reads, the paths it was given and a parameters file: no output may overwrite one. */
    List<Path> inputs(List<Path> paths) {
        List<Path> all = new ArrayList<>(paths);
        if (templates.file != null) {
            all.add(templates.file);
        }
        return all;
    }
}
