package dev.srm.input.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.facts.Setting;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSM.2 (srm's ec2-guest-os-patching) on an AWS Config inventory: Security Hub's control reads the
 * AWS::SSM::PatchCompliance item Config records for each managed instance ("The rule is compliant if the
 * field status is COMPLIANT", ec2-managedinstance-patch-compliance-status-check). The type had no mapping,
 * so every instance of an inventory was UNKNOWN however Patch Manager had left it. The item's resource id is
 * the instance's, qualified by the inventory's type (AWS::SSM::ManagedInstanceInventory/i-...), and its
 * configuration is the AWS:ComplianceItem inventory type: the patches under Content.Patch, keyed by id, with
 * the ComplianceSummary Security Hub shows as AwsSsmPatchCompliance (ssm-patch-compliance.json).
 */
class PatchComplianceItemTest {
    private static final Path FILE = Path.of("src/test/resources/config/ssm-patch-compliance.json");
    private static final String INSTANCE = "arn:aws:ec2:eu-west-1:444455556666:instance/";
    private static final String WEB = INSTANCE + "i-0a1b2c3d4e5f60718";
    private static final String APP = INSTANCE + "i-0b2c3d4e5f6071829";
    private static final String BATCH = INSTANCE + "i-0c3d4e5f607182930";
    private static final String CONTROL = "ec2-guest-os-patching";

    private static Evaluation evaluate(byte[] items) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(FILE.toString(), items, InputFormat.config, false);
        assertThat(e).hasSize(1);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("no srm mapping")).noneMatch(w -> w.contains("unknown configuration key"));
        return e.get(0);
    }

    private static ControlResult control(Evaluation e, String resource) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(CONTROL)).findFirst().orElseThrow(() -> new AssertionError(CONTROL + " not on " + resource));
    }

    @Test
    void an_instances_recorded_patch_compliance_decides_ssm_2() throws Exception {
        Evaluation e = evaluate(Files.readAllBytes(FILE));
        ControlResult web = control(e, WEB);
        assertThat(web.status()).as("%s", web.evidence()).isEqualTo(Status.MET);
        assertThat(web.evidence()).anyMatch(x -> x.startsWith("MET: Systems Manager records the instance's patch compliance as COMPLIANT"));
        // NON_COMPLIANT: MISSING, with what Patch Manager reports missing or failed
        ControlResult app = control(e, APP);
        assertThat(app.status()).as("%s", app.evidence()).isEqualTo(Status.MISSING);
        assertThat(app.evidence()).anyMatch(x -> x.startsWith("NOT_MET: Systems Manager records the instance's patch compliance as NON_COMPLIANT")
                && x.contains("overall severity CRITICAL") && x.contains("noncompliant patches: 1 critical, 1 high")
                && x.contains("missing or failed: KB5034129, KB5034439") && x.contains("baseline pb-04d7c6b5a4f3e2d1c"));
        assertThat(e.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(CONTROL);
            assertThat(f.resource()).isEqualTo(APP);
        }).noneMatch(f -> f.rule().equals(CONTROL) && !f.resource().equals(APP));
        // no item: what srm's key patching states, absent in a partial inventory, as before
        ControlResult batch = control(e, BATCH);
        assertThat(batch.status()).isEqualTo(Status.UNKNOWN);
        assertThat(batch.evidence()).noneMatch(x -> x.contains("patch compliance"))
                .anyMatch(x -> x.startsWith("ABSENT: patching in [patch-manager, automated]"));
    }

    @Test
    void the_item_is_read_as_its_instances_patch_compliance_not_as_a_resource_of_its_own() throws Exception {
        Scenario s = new ConfigReader(GroupBy.account).readWithWarnings(FILE.toString(), Files.readAllBytes(FILE)).get(0).scenario();
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly(WEB, APP, BATCH);
        Map<String, String> app = settings(s.resource(APP));
        assertThat(app).containsEntry("patchCompliance.Status", "NON_COMPLIANT").containsEntry("patchCompliance.OverallSeverity", "CRITICAL")
                .containsEntry("patchCompliance.NonCompliantCriticalCount", "1").containsEntry("patchCompliance.PatchGroup", "app-prod")
                .containsEntry("patchCompliance.NonCompliantPatches[0]", "KB5034129").containsEntry("patchCompliance.NonCompliantPatches[1]", "KB5034439")
                .doesNotContainKey("patchCompliance.NonCompliantPatches[2]") // KB890830 is installed
                .containsEntry("MetadataOptions.HttpTokens", "required"); // the instance's own item, as before
        assertThat(s.resource(APP).stated()).contains("patchCompliance");
        assertThat(settings(s.resource(BATCH)).keySet()).noneMatch(k -> k.startsWith("patchCompliance"));
        // an on-premises managed node (mi-...) has patch compliance but no EC2 instance: said, not assessed
        assertThat(new ConfigReader(GroupBy.account).readWithWarnings(FILE.toString(), Files.readAllBytes(FILE)).get(0).warnings())
                .anyMatch(w -> w.contains("1 item describing a resource the input does not hold, not assessed (AWS::SSM::PatchCompliance "
                        + "AWS::SSM::ManagedInstanceInventory/mi-0f1e2d3c4b5a69788: no AWS::EC2::Instance item with that resource id)"));
    }

    /** A configuration history holds every capture: the latest patch compliance of an instance decides, and a deleted record none. */
    @Test
    void the_latest_capture_of_the_compliance_record_decides() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = (ObjectNode) json.readTree(FILE.toFile());
        ArrayNode items = (ArrayNode) file.get("configurationItems");
        ObjectNode webCompliance = null;
        ObjectNode appCompliance = null;
        for (var item : items) {
            if (item.path("resourceId").asText().endsWith("/i-0a1b2c3d4e5f60718")) {
                webCompliance = (ObjectNode) item;
            } else if (item.path("resourceId").asText().endsWith("/i-0b2c3d4e5f6071829")) {
                appCompliance = (ObjectNode) item;
            }
        }
        // a week later app-1 was patched: its next capture is COMPLIANT
        ObjectNode patched = appCompliance.deepCopy();
        patched.put("configurationItemCaptureTime", "2026-12-06T03:15:40.117Z").put("configurationStateId", 1764990940117L);
        ObjectNode content = (ObjectNode) patched.at("/configuration/AWS:ComplianceItem/Content/Patch");
        ObjectNode summary = (ObjectNode) content.get("ComplianceSummary");
        summary.put("Status", "COMPLIANT").put("OverallSeverity", "UNSPECIFIED").put("NonCompliantCriticalCount", 0).put("NonCompliantHighCount", 0)
                .put("CompliantCriticalCount", 1).put("CompliantHighCount", 1);
        ((ObjectNode) content.get("KB5034129")).put("Status", "COMPLIANT").put("PatchState", "Installed");
        ((ObjectNode) content.get("KB5034439")).put("Status", "COMPLIANT").put("PatchState", "Installed");
        items.add(patched);
        // and web-1's record was deleted (the instance left Systems Manager): no compliance is recorded any more
        ObjectNode deleted = webCompliance.deepCopy();
        deleted.put("configurationItemCaptureTime", "2026-12-01T11:42:03.550Z").put("configurationStateId", 1764589323550L)
                .put("configurationItemStatus", "ResourceDeleted").putNull("configuration");
        items.add(deleted);
        Evaluation e = evaluate(json.writeValueAsBytes(file));
        assertThat(control(e, APP).status()).as("%s", control(e, APP).evidence()).isEqualTo(Status.MET);
        assertThat(control(e, WEB).status()).as("%s", control(e, WEB).evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(control(e, WEB).evidence()).noneMatch(x -> x.contains("patch compliance"));
    }

    private static Map<String, String> settings(ResourceSpec r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : r.settings()) {
            out.put(s.path(), s.value());
        }
        return out;
    }
}
