package dev.srm.input.cloudformation;

import dev.srm.engine.Evaluator;
import dev.srm.facts.Resource;
import dev.srm.input.InputException;
import dev.srm.model.Status;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template with short-form tags, parameters, mappings, conditions and cross-resource
 * references gives the same answers as the scenario a person writes for it by hand
 * (src/test/resources/templates-pairs): same parties per layer, same control statuses, same
 * findings. The template is complete for its resources only, so the hand-written scenario's
 * account controls (in scope because its inventory is complete) are left out of the comparison.
 */
class TemplatePairTest {
    private static final Path PAIRS = Path.of("src/test/resources/templates-pairs");

    private static Evaluation template(String name, TemplateParameters parameters) throws Exception {
        Path file = PAIRS.resolve(name);
        Scenario s = new CloudFormationReader(parameters).read(file.toString(), Files.readAllBytes(file)).get(0);
        return new Evaluator(Packs.bundled()).evaluate(s);
    }

    /** Everything srm concluded about the resources: what each is, who owns each layer, each control's status, each finding. */
    static String answers(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        for (ResourceResult r : e.resources()) {
            sb.append(r.id()).append(' ').append(r.type()).append(' ').append(r.service()).append(' ').append(r.variant()).append(' ')
                    .append(r.serviceModel()).append(' ').append(r.customerShare()).append('\n');
            for (LayerResult l : r.layers()) {
                sb.append("  ").append(l.layer()).append(' ').append(l.party()).append(" [").append(l.rule()).append("]\n");
            }
            for (ControlResult c : r.controls()) {
                sb.append("  ").append(c.id()).append(' ').append(c.status()).append('\n');
            }
        }
        for (FindingResult f : e.findings()) {
            if (!Resource.ACCOUNT.equals(f.resource())) {
                sb.append(f.severity()).append(' ').append(f.rule()).append(' ').append(f.resource()).append(' ').append(f.owner())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void the_template_and_the_hand_written_scenario_give_the_same_answers() throws Exception {
        Evaluation byTemplate = template("shop-data.yaml", TemplateParameters.NONE);
        Evaluation byHand = Packs.evaluate(PAIRS.resolve("shop-data.scenario.yaml"));
        assertThat(byTemplate.resources()).extracting(ResourceResult::id)
                .containsExactly("Key", "Logs", "Data", "DataPolicy", "DbSg", "Db");
        assertThat(answers(byTemplate)).isEqualTo(answers(byHand));
        assertThat(byTemplate.warnings()).isEqualTo(byHand.warnings().stream()
                .map(w -> w.replace(byHand.scenario().file(), byTemplate.scenario().file())).toList());
        assertThat(byTemplate.accountControls()).as("a template says nothing about its account").isEmpty();
        assertThat(byHand.accountControls()).isNotEmpty();
        // the pair is not vacuous: controls are met and missing on both sides, and findings are reported
        String a = answers(byTemplate);
        assertThat(a).contains(" MET\n").contains(" MISSING\n").contains("CUSTOMER");
    }

    @Test
    void another_parameter_value_gives_another_answer_through_the_conditions() throws Exception {
        Evaluation dev = template("shop-data.yaml", TemplateParameters.of(Map.of("Env", "dev")));
        assertThat(dev.resources()).extracting(ResourceResult::id).contains("DevScratch");
        String prod = answers(template("shop-data.yaml", TemplateParameters.NONE));
        assertThat(answers(dev)).isNotEqualTo(prod);
        ResourceResult data = dev.resources().stream().filter(r -> r.id().equals("Data")).findFirst().orElseThrow();
        assertThat(data.control("s3-versioning").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void an_unknown_value_makes_the_evidence_unknown_never_met_or_missing_and_explain_names_the_intrinsic() throws InputException {
        String yaml = """
                Parameters: {KeyArn: {Type: String}}
                Conditions: {HasKey: !Not [!Equals [!Ref KeyArn, '']]}
                Resources:
                  Imported:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration: {Status: !ImportValue shared-versioning}
                      LoggingConfiguration: {DestinationBucketName: !ImportValue shared-logs}
                      PublicAccessBlockConfiguration: !If [HasKey, {BlockPublicAcls: true}, !Ref AWS::NoValue]
                """;
        Scenario s = new CloudFormationReader().read("imported.yaml", yaml.getBytes()).get(0);
        Evaluation e = new Evaluator(Packs.bundled()).evaluate(s, true);
        ResourceResult r = e.resources().get(0);
        ControlResult versioning = r.control("s3-versioning");
        assertThat(versioning.status()).isEqualTo(Status.UNKNOWN);
        assertThat(versioning.evidence()).singleElement().asString().startsWith("UNKNOWN: VersioningConfiguration.Status = Enabled"
                + " cannot be decided: VersioningConfiguration.Status is ${unknown: Fn::ImportValue 'shared-versioning'");
        assertThat(String.join("\n", versioning.explanation())).contains("control-undecided").contains("Fn::ImportValue 'shared-versioning'");
        assertThat(r.control("s3-access-logging").status()).as("not empty reads the value, which is unknown").isEqualTo(Status.UNKNOWN);
        assertThat(r.control("s3-block-public-access").status()).isEqualTo(Status.UNKNOWN);
        assertThat(e.findings().stream().map(FindingResult::rule).collect(Collectors.toSet()))
                .doesNotContain("s3-versioning", "s3-block-public-access");
    }

    @Test
    void the_pair_files_are_both_read_by_content_detection() throws Exception {
        dev.srm.input.Inputs inputs = new dev.srm.input.Inputs();
        List<Scenario> t = inputs.read(PAIRS.resolve("shop-data.yaml"), dev.srm.model.InputFormat.auto);
        List<Scenario> h = inputs.read(PAIRS.resolve("shop-data.scenario.yaml"), dev.srm.model.InputFormat.auto);
        assertThat(t.get(0).id()).isEqualTo("shop-data");
        assertThat(h.get(0).id()).isEqualTo("shop-data-by-hand");
    }
}
