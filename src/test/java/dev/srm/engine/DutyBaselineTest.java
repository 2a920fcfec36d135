package dev.srm.engine;

import dev.srm.testing.Slow;
import dev.srm.bench.CorpusGenerator;
import dev.srm.input.Format;
import dev.srm.model.DutyResult;
import dev.srm.model.Evaluation;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Scenario;
import dev.srm.run.ScenarioFiles;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duty rows fired once per service, variant and service model (DutyRowsOnce, the
 * resources' DutyBaseline) give every answer that firing them on each resource gives: the
 * session that decides every duty itself, as triage and --explain run it, is the reference.
 */
@Slow
class DutyBaselineTest {
    private final Evaluator evaluator = Packs.evaluator();

    @Test
    void everyBundledScenarioIsAnsweredAsWhenTheRowsFireOnEachResource() throws Exception {
        List<Path> files = ScenarioFiles.expand(List.of(Path.of("scenarios"))).files();
        assertThat(files).hasSizeGreaterThan(200);
        List<String> differ = new ArrayList<>();
        for (Path f : files) {
            for (Scenario s : Packs.reader().readAll(f.toString(), java.nio.file.Files.readAllBytes(f), Format.ofName(f.toString()), 0)) {
                Evaluation fast = evaluator.evaluate(s);
                Evaluation full = evaluator.evaluateInFull(s);
                if (!fast.equals(full)) {
                    differ.add(f + " " + s.id() + ": " + difference(fast, full));
                }
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void generatedScenariosAreAnsweredAsWhenTheRowsFireOnEachResource() throws Exception {
        CorpusGenerator corpus = new CorpusGenerator(7);
        for (int i = 0; i < 300; i++) {
            byte[] json = corpus.json(corpus.scenario(i));
            Scenario s = Packs.reader().read("corpus-" + i + ".json", json, Format.JSON, 0);
            Evaluation fast = evaluator.evaluate(s);
            Evaluation full = evaluator.evaluateInFull(s);
            assertThat(fast.equals(full)).as("scenario %d: %s", i, difference(fast, full)).isTrue();
        }
    }

    @Test
    void aConfigurationClaimDecidesItsDutyAndTheRowsDecideTheRestOfThatLayer() throws Exception {
        String yaml = """
                srm: 1
                id: lambda-manual-runtime
                title: A Lambda function pinned to its runtime version
                resources:
                  - id: orders-fn
                    type: AWS::Lambda::Function
                    configuration:
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::111122223333:role/orders-fn
                      RuntimeManagementConfig:
                        UpdateRuntimeOn: Manual
                        RuntimeVersionArn: arn:aws:lambda:eu-west-1::runtime:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                  - id: billing-fn
                    type: AWS::Lambda::Function
                    configuration:
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::111122223333:role/billing-fn
                """;
        Scenario s = Packs.reader().read("lambda.yaml", yaml.getBytes(StandardCharsets.UTF_8), Format.YAML, 0);
        Evaluation fast = evaluator.evaluate(s);
        assertThat(fast).isEqualTo(evaluator.evaluateInFull(s));

        DutyResult pinned = duty(fast, "orders-fn", "runtime-patching");
        assertThat(pinned.party().name()).isEqualTo("CUSTOMER");
        assertThat(pinned.rule()).isEqualTo("lambda-runtime-updates-manual-runtime-patching");
        DutyResult managed = duty(fast, "billing-fn", "runtime-patching");
        assertThat(managed.party().name()).isEqualTo("AWS");
        assertThat(managed.rule()).doesNotStartWith("lambda-runtime-updates"); // a row of the duty tables
        // the other duties of that layer are the rows' on both functions; the layer is decided from all of them
        String layer = layerOf(fast, "orders-fn", "runtime-patching");
        assertThat(layer(fast, "orders-fn", layer).duties().stream().filter(d -> !d.duty().equals("runtime-patching")).toList())
                .isNotEmpty()
                .isEqualTo(layer(fast, "billing-fn", layer).duties().stream().filter(d -> !d.duty().equals("runtime-patching")).toList());
        assertThat(layer(fast, "orders-fn", layer).rule()).startsWith("layer-").endsWith("-from-duties");
    }

    @Test
    void aPackWhoseOwnRulesReadDutyOrLayerDecisionsDecidesEveryDutyInEachSession() throws Exception {
        assertThat(RulePack.othersReadDuties(dev.srm.rules.RuleSources.bundled())).isFalse();
        assertThat(Packs.bundled().dutiesInFull()).isFalse();
        String policy = """
                package bank.policy;
                import dev.srm.facts.*;
                import dev.srm.engine.dsl.Srm;

                rule "bank-customer-keys-need-a-key-owner"
                    @kind("policy")
                    @title("A resource whose key management is the customer's names a key owner")
                when
                    DutyDecision( $r : resource, duty == "key-management", party == Party.CUSTOMER )
                    not Setting( resource == $r, path == "Tags.key-owner" )
                then
                    Srm.finding(drools, $r, "MEDIUM", "data-encryption-classification", "CUSTOMER", "No key owner", "Tag the resource with key-owner.");
                end
                """;
        var extra = dev.srm.rules.RuleSources.of(List.of(new dev.srm.rules.RuleFile("bank/policy.drl", "policy.drl", policy)));
        assertThat(RulePack.othersReadDuties(dev.srm.rules.RuleSources.bundled().plus(extra))).isTrue();
        String commentOnly = "package bank.notes;\n// reads no DutyDecision( here\nrule \"x\" when Resource() then end\n";
        var notes = dev.srm.rules.RuleSources.of(List.of(new dev.srm.rules.RuleFile("bank/notes.drl", "notes.drl", commentOnly)));
        assertThat(RulePack.othersReadDuties(dev.srm.rules.RuleSources.bundled().plus(notes))).isFalse();
    }

    /** Where two evaluations first differ, as a JSON pointer and the two values. */
    static String difference(Evaluation a, Evaluation b) {
        var mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .disable(com.fasterxml.jackson.databind.MapperFeature.REQUIRE_HANDLERS_FOR_JAVA8_TIMES).build();
        return difference("", mapper.valueToTree(a), mapper.valueToTree(b));
    }

    private static String difference(String at, com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size() && a.getNodeType() == b.getNodeType()) {
            var names = new ArrayList<String>();
            if (a.isObject()) {
                a.fieldNames().forEachRemaining(names::add);
            } else {
                for (int i = 0; i < a.size(); i++) {
                    names.add(Integer.toString(i));
                }
            }
            for (String n : names) {
                var x = a.isObject() ? a.get(n) : a.get(Integer.parseInt(n));
                var y = b.isObject() ? b.get(n) : b.get(Integer.parseInt(n));
                String d = difference(at + "/" + n, x, y == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : y);
                if (d != null) {
                    return d;
                }
            }
        }
        String sa = a.toString();
        String sb = b.toString();
        return at + ": " + (sa.length() > 400 ? sa.substring(0, 400) + "..." : sa) + " vs " + (sb.length() > 400 ? sb.substring(0, 400) + "..." : sb);
    }

    private static ResourceResult resource(Evaluation e, String id) {
        return e.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static LayerResult layer(Evaluation e, String resource, String layer) {
        return resource(e, resource).layers().stream().filter(l -> l.layer().equals(layer)).findFirst().orElseThrow();
    }

    private static String layerOf(Evaluation e, String resource, String duty) {
        return resource(e, resource).layers().stream().filter(l -> l.duties().stream().anyMatch(d -> d.duty().equals(duty)))
                .findFirst().orElseThrow().layer();
    }

    private static DutyResult duty(Evaluation e, String resource, String duty) {
        return resource(e, resource).layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals(duty))
                .findFirst().orElseThrow();
    }
}
