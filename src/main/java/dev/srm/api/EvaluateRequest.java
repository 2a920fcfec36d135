package dev.srm.api;

import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario files (or templates, plans, inventories: see {@code inputFormat}), or directories
 * searched for them, to evaluate.
 *
 * @param inputFormat the files' format; {@code auto} detects each one by its content
 * @param explain     every conclusion carries the chain of rules behind it
 * @param groupBy     how an inventory of many accounts becomes scenarios (AWS Config): per account, or per account and Region
 * @param templates   values for CloudFormation template parameters ({@code --parameter}, a parameters file)
 * @param policy      waivers, baseline and as-of date
 */
public record EvaluateRequest(List<Path> paths, InputFormat inputFormat, boolean explain, GroupBy groupBy, TemplateInputs templates,
                              PolicyOptions policy) {
    public EvaluateRequest {
        paths = List.copyOf(paths);
        inputFormat = inputFormat == null ? InputFormat.auto : inputFormat;
        groupBy = groupBy == null ? GroupBy.account : groupBy;
        templates = templates == null ? TemplateInputs.NONE : templates;
        policy = policy == null ? PolicyOptions.DEFAULTS : policy;
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: give at least one file or directory");
        }
    }

    public EvaluateRequest(List<Path> paths, InputFormat inputFormat, boolean explain) {
        this(paths, inputFormat, explain, GroupBy.account, TemplateInputs.NONE, PolicyOptions.DEFAULTS);
    }

    public EvaluateRequest(List<Path> paths, InputFormat inputFormat, boolean explain, GroupBy groupBy, TemplateInputs templates) {
        this(paths, inputFormat, explain, groupBy, templates, PolicyOptions.DEFAULTS);
    }

    /** This request with waivers, a baseline and an as-of date. */
    public EvaluateRequest policy(PolicyOptions options) {
        return new EvaluateRequest(paths, inputFormat, explain, groupBy, templates, options);
    }

    public static EvaluateRequest of(Path... paths) {
        return new EvaluateRequest(Arrays.asList(paths), InputFormat.auto, false);
    }

    public static EvaluateRequest of(List<Path> paths) {
        return new EvaluateRequest(paths, InputFormat.auto, false);
    }

    public EvaluateRequest explain(boolean on) {
        return new EvaluateRequest(paths, inputFormat, on, groupBy, templates, policy);
    }

    public EvaluateRequest inputFormat(InputFormat format) {
        return new EvaluateRequest(paths, format, explain, groupBy, templates, policy);
    }

    public EvaluateRequest groupBy(GroupBy by) {
        return new EvaluateRequest(paths, inputFormat, explain, by, templates, policy);
    }

    /** This request with values for the templates' parameters. */
    public EvaluateRequest templates(TemplateInputs values) {
        return new EvaluateRequest(paths, inputFormat, explain, groupBy, values, policy);
    }
}
