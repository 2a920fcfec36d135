package dev.srm.input.config;

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
 * SSM.1 and SSM.3 on an AWS Config inventory. ec2-instance-managed-by-systems-manager reads the
 * AWS::SSM::ManagedInstanceInventory item Systems Manager keeps of an instance whose agent has registered (its resource
 * id is the instance id; the AWS:InstanceInformation inventory type holds the agent and platform, keyed by instance id);
 * ec2-managedinstance-association-compliance-status-check reads the AWS::SSM::AssociationCompliance item ("The rule is
 * compliant if the field status is COMPLIANT"; AWS:ComplianceItem's Content.Association, keyed by association id, with
 * its ComplianceSummary). Neither type had a mapping: their items were "not assessed", SSM.1 was MET for any instance
 * with a profile ARN and SSM.3 was never judged.
 */
class ManagedInstanceInventoryItemTest {
    private static final Path FILE = Path.of("src/test/resources/config/ssm-managed-instances.json");
    private static final String INSTANCE = "arn:aws:ec2:eu-west-1:444455556666:instance/";
    private static final String WEB = INSTANCE + "i-07d3a1c9e5b2f4a68";
    private static final String APP = INSTANCE + "i-0e4b2d8f1a3c5e7b9";
    private static final String LEGACY = INSTANCE + "i-0f5c3e9a2b4d6f8a1";

    private static Evaluation evaluate() throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(FILE.toString(), Files.readAllBytes(FILE), InputFormat.config, false);
        assertThat(e).hasSize(1);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("no srm mapping")).noneMatch(w -> w.contains("unknown configuration key"));
        return e.get(0);
    }

    private static ControlResult control(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElse(null);
    }

    @Test
    void an_instance_systems_manager_keeps_an_inventory_of_is_managed() throws Exception {
        Evaluation e = evaluate();
        ControlResult web = control(e, WEB, "ssm-instance-managed");
        assertThat(web.status()).as("%s", web.evidence()).isEqualTo(Status.MET);
        assertThat(web.evidence()).anyMatch(x -> x.startsWith("MET: Systems Manager keeps an inventory of the instance (amazon-ssm-agent"
                + " 3.3.1142.0 on Amazon Linux 2023)"));
        assertThat(control(e, APP, "ssm-instance-managed").status()).isEqualTo(Status.MET);
        // no inventory item: the recorder may not record the type; the profile's role is not in the snapshot either
        ControlResult legacy = control(e, LEGACY, "ssm-instance-managed");
        assertThat(legacy.status()).as("%s", legacy.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(legacy.evidence()).anyMatch(x -> x.contains("instance profile arn:aws:iam::444455556666:instance-profile/legacy-app-server"
                + " (or its role) is not in the input"));
    }

    @Test
    void the_association_compliance_systems_manager_records_decides_ssm_3() throws Exception {
        Evaluation e = evaluate();
        ControlResult web = control(e, WEB, "ssm-association-compliance");
        assertThat(web.status()).as("%s", web.evidence()).isEqualTo(Status.MET);
        ControlResult app = control(e, APP, "ssm-association-compliance");
        assertThat(app.status()).as("%s", app.evidence()).isEqualTo(Status.MISSING);
        assertThat(app.evidence()).anyMatch(x -> x.startsWith("NOT_MET: Systems Manager records the instance's association compliance as"
                + " NON_COMPLIANT: 1 association failed its last run (AWS-ConfigureAWSPackage)"));
        assertThat(e.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("ssm-association-compliance");
            assertThat(f.resource()).isEqualTo(APP);
        }).noneMatch(f -> f.rule().equals("ssm-association-compliance") && !f.resource().equals(APP));
        // State Manager recorded nothing for the legacy server: SSM.3 does not judge it
        assertThat(control(e, LEGACY, "ssm-association-compliance")).isNull();
    }

    @Test
    void the_items_are_read_into_their_instance_not_as_resources_of_their_own() throws Exception {
        var read = new ConfigReader(GroupBy.account).readWithWarnings(FILE.toString(), Files.readAllBytes(FILE)).get(0);
        Scenario s = read.scenario();
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly(WEB, APP, LEGACY);
        Map<String, String> app = settings(s.resource(APP));
        assertThat(app).containsEntry("managedInstance.InstanceStatus", "Active").containsEntry("managedInstance.PlatformType", "Windows")
                .containsEntry("associationCompliance.Status", "NON_COMPLIANT")
                .containsEntry("associationCompliance.NonCompliantAssociations[0]", "c7e4a912-5d38-4f6b-8a0c-2b9e6f1d4a73")
                .containsEntry("associationCompliance.CompliantAssociations[0]", "3f2a9c41-7b6e-4d0a-9e15-5c8d2b7f1a36")
                .doesNotContainKey("associationCompliance.NonCompliantAssociations[1]");
        assertThat(settings(s.resource(LEGACY)).keySet()).noneMatch(k -> k.startsWith("managedInstance") || k.startsWith("associationCompliance"));
        // an on-premises server registered with a hybrid activation has an inventory but no EC2 instance: said, not assessed
        assertThat(read.warnings()).anyMatch(w -> w.contains("1 item describing a resource the input does not hold, not assessed"
                + " (AWS::SSM::ManagedInstanceInventory mi-0a9b8c7d6e5f43210: no AWS::EC2::Instance item with that resource id)"));
    }

    private static Map<String, String> settings(ResourceSpec r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting x : r.settings()) {
            out.put(x.path(), x.value());
        }
        return out;
    }
}
