package dev.srm.cli;

import dev.srm.api.Naming;
import dev.srm.api.TriageRequest;
import dev.srm.api.TriageResult;
import dev.srm.model.Triage;
import dev.srm.report.triage.TriageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code srm triage}: during an incident, whose is it (AWS, customer or shared), what to do first, and what to pull. */
@Command(name = "triage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Triage an incident: who owns the remediation (AWS, CUSTOMER or SHARED) and why, the first actions in order,",
                "the evidence to pull, who to route it to and which controls would have prevented it.",
                "Input: a scenario FILE with an incident block, an ASFF findings FILE (Security Hub, GuardDuty), or flags alone."})
final class TriageCommand extends PackCommand {
    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "A scenario with an incident block; a template, Terraform plan or state, or AWS Config items with --kind and"
                    + " --resource; or ASFF findings (one finding or {\"Findings\": [...]}).")
    Path file;

    @Option(names = "--service", paramLabel = "SERVICE",
            description = "The service the incident is on (a name like EC2 or a CloudFormation type), when no resource is named.")
    String service;

    @Option(names = "--resource", paramLabel = "ID", description = "The resource of the scenario FILE the incident is on.")
    String resource;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "The incident kind, e.g. data-exposure, unpatched-vulnerability (the taxonomy is rules/catalog/incident-kinds.yaml).")
    String kind;

    @Option(names = "--component", paramLabel = "COMPONENT",
            description = "What an unpatched vulnerability or malware sits in: os, runtime, engine, dependency, image or code"
                    + " (rules/catalog/incident-kinds.yaml); its patching duty decides the owner. Unknown: the report gives one branch per component.")
    String component;

    @Option(names = "--layer", paramLabel = "LAYER", description = "The responsibility layer, when known; inferred from the kind otherwise.")
    String layer;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What happened, in a sentence.")
    String summary;

    @Option(names = "--id", paramLabel = "ID", description = "The incident's id, e.g. a ticket number.")
    String id;

    @Option(names = "--detected-by", paramLabel = "SOURCE", description = "What detected it, e.g. GuardDuty.")
    String detectedBy;

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "A setting of the resource made up for --service (repeatable), e.g. --config Engine=custom-oracle-ee.")
    List<String> config = new ArrayList<>();

    @Option(names = "--owner-tag", paramLabel = "KEY",
            description = "The tag key that names a resource's team (default: the scenario's ownerTag, else owner).")
    String ownerTag;

    @Option(names = "--asff", description = "Read FILE as ASFF findings (otherwise recognised by its content).")
    boolean asff;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TriageFormat format;

    @Mixin
    OutputFile output;

    @Option(names = "--as-of", paramLabel = "DATE", converter = PolicyFlags.DateConverter.class,
            description = "Judge end-of-support dates on DATE (YYYY-MM-DD) instead of today: the day of the incident, "
                    + "or a fixed day for reproducible answers.")
    java.time.LocalDate asOf;

    @Mixin
    TemplateOptions templates;

    @Mixin
    RunOptions rules;

    @Override
    int run(Cli cli) throws IOException {
        output.check(java.util.Arrays.asList(file, templates.file));
        TriageRequest.Builder request = TriageRequest.builder().file(file).asff(asff).id(id).resource(resource).service(service)
                .kind(kind).layer(layer).summary(summary).detectedBy(detectedBy).ownerTag(ownerTag).component(component).templates(templates.inputs()).asOf(asOf);
        config.forEach(request::config);
        TriageResult result = rules.load(cli).triage(request.build(), Naming.FLAGS);
        for (Triage t : result.triages()) {
            t.warnings().forEach(w -> cli.err().println("warning: " + w));
        }
        output.write(cli.out(), w -> format.renderer().render(result.triages(), w));
        cli.err().flush();
        return result.exitCode().code();
    }
}
