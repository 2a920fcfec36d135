package dev.srm.input.cloudformation;

import dev.srm.facts.Setting;
import dev.srm.model.ControlResult;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Linux bastion Quick Start allocates its Elastic IPs in the template and hands them to the
 * launch template's user data (EIP_LIST), whose bootstrap script associates them with
 * {@code aws ec2 associate-address}: no AWS::EC2::EIPAssociation, no InstanceId on the EIP. srm
 * said EC2.12 (unused Elastic IPs are released) MISSING for addresses that are attached once the
 * bastions boot. The reader now lists the EIPs of the stack the user data names (srm key
 * eipsOfUserData), and EC2.12 is UNKNOWN for them, naming the launcher: srm reads the script,
 * never runs it, so it cannot say MET.
 */
class EipUserDataTest {
    private static final Path EIP = Path.of("src/test/resources/templates-eip");
    private static final String CONTROL = "ec2-unused-eip-removed";

    private static ControlResult ec2_12(EvaluatedTemplate t, String eip) {
        return t.resource(eip).controls().stream().filter(c -> c.id().equals(CONTROL)).findFirst()
                .orElseThrow(() -> new AssertionError("EC2.12 does not apply to " + eip));
    }

    @Test
    void an_eip_whose_allocation_id_the_launch_template_user_data_associates_is_unknown_not_missing() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(EIP.resolve("bastion-launch-template.yaml"), TemplateParameters.NONE);
        ControlResult c = ec2_12(t, "BastionEip");

        assertThat(c.status()).isEqualTo(Status.UNKNOWN);
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e).contains(
                "user data of BastionLaunchTemplate names it: a script may associate it at boot, which srm does not run"));
        assertThat(c.evidence()).noneMatch(e -> e.startsWith("ABSENT"));
    }

    @Test
    void the_quick_starts_eips_handed_to_the_user_data_through_fn_if_variables_are_unknown() throws Exception {
        // NumBastionHosts defaults to 2: EIP1 and EIP2 exist, EIP3's condition is false
        EvaluatedTemplate two = EvaluatedTemplate.of(EIP.resolve("linux-bastion-quick-start.yaml"), TemplateParameters.NONE);
        for (String eip : List.of("EIP1", "EIP2")) {
            ControlResult c = ec2_12(two, eip);
            assertThat(c.status()).as(eip).isEqualTo(Status.UNKNOWN);
            assertThat(c.evidence()).as(eip).anySatisfy(e -> assertThat(e).contains("user data of BastionLaunchTemplate names it"));
        }
        assertThat(two.evaluation().resources()).noneMatch(r -> r.id().equals("EIP3"));

        EvaluatedTemplate three = EvaluatedTemplate.of(EIP.resolve("linux-bastion-quick-start.yaml"),
                TemplateParameters.of(Map.of("NumBastionHosts", "3")));
        assertThat(ec2_12(three, "EIP3").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void eips_that_an_instances_user_data_joins_into_one_list_are_unknown() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(EIP.resolve("bastion-instance-join.json"), TemplateParameters.NONE);

        for (String eip : List.of("EIP1", "EIP2")) {
            ControlResult c = ec2_12(t, eip);
            assertThat(c.status()).as(eip).isEqualTo(Status.UNKNOWN);
            assertThat(c.evidence()).as(eip).anySatisfy(e -> assertThat(e).contains("user data of BastionHost names it"));
        }
    }

    @Test
    void user_data_that_names_another_stacks_address_leaves_the_stacks_unused_eip_missing() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(EIP.resolve("user-data-names-no-eip.yaml"), TemplateParameters.NONE);
        ControlResult c = ec2_12(t, "SpareEip");

        // a literal address and an imported allocation id are not SpareEip
        assertThat(c.status()).isEqualTo(Status.MISSING);
        assertThat(c.evidence()).noneMatch(e -> e.contains("user data"));
    }

    /** The EIPs the CloudFormation reader finds in the user data of each launcher of the template. */
    private static Map<String, List<String>> eipsOfUserData(String yaml) throws Exception {
        Scenario s = new CloudFormationReader().read("bastions.yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0);
        Map<String, List<String>> out = new java.util.TreeMap<>();
        s.resources().forEach(r -> out.put(r.id(), r.settings().stream().filter(x -> x.path().startsWith(UserData.EIPS_KEY + "["))
                .map(Setting::value).toList()));
        return out;
    }

    @Test
    void a_ref_an_allocation_id_or_a_public_ip_of_an_eip_of_the_stack_counts_and_nothing_else() throws Exception {
        String template = """
                Parameters:
                  StandbyEnabled:
                    Type: String
                    AllowedValues: ["true", "false"]
                  LegacyEnabled:
                    Type: String
                    AllowedValues: ["true", "false"]
                    Default: "false"
                  AdminEip:
                    Type: String
                    Default: 192.0.2.10
                Conditions:
                  HasStandby: !Equals [!Ref StandbyEnabled, "true"]
                  HasLegacy: !Equals [!Ref LegacyEnabled, "true"]
                Resources:
                  WebEip:
                    Type: AWS::EC2::EIP
                    Properties: {Domain: vpc}
                  StandbyEip:
                    Type: AWS::EC2::EIP
                    Condition: HasStandby
                    Properties: {Domain: vpc}
                  LegacyEip:
                    Type: AWS::EC2::EIP
                    Condition: HasLegacy
                    Properties: {Domain: vpc}
                  ByPublicIp:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0c101f26f147fa7fd
                      UserData:
                        Fn::Base64:
                          Fn::Join:
                            - ""
                            - - "#!/bin/bash\\n"
                              - "aws ec2 associate-address --instance-id $(ec2-metadata --instance-id | cut -d ' ' -f 2) --public-ip "
                              - !GetAtt [WebEip, PublicIp]
                              - "\\n"
                  Standby:
                    Type: AWS::AutoScaling::LaunchConfiguration
                    Properties:
                      ImageId: ami-0c101f26f147fa7fd
                      InstanceType: t3.micro
                      UserData:
                        Fn::Base64: !Sub
                          - |
                            #!/bin/bash
                            aws ec2 associate-address --instance-id "$INSTANCE_ID" --allocation-id ${Allocation}
                          - Allocation: !If [HasStandby, !GetAtt StandbyEip.AllocationId, !GetAtt WebEip.AllocationId]
                  Legacy:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0c101f26f147fa7fd
                      UserData:
                        Fn::Base64: !Sub
                          - |
                            #!/bin/bash
                            aws ec2 associate-address --instance-id "$INSTANCE_ID" --public-ip ${Address}
                          - Address: !If [HasLegacy, !Ref LegacyEip, !Ref AdminEip]
                  Escaped:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0c101f26f147fa7fd
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash
                          # the escaped form is the shell's variable of that name, not the template's EIP
                          WebEip=192.0.2.44
                          echo ${!WebEip} ${AdminEip} > /etc/motd
                """;

        Map<String, List<String>> found = eipsOfUserData(template);

        assertThat(found).containsEntry("ByPublicIp", List.of("WebEip"));
        // HasStandby is undecided (no value for StandbyEnabled): either branch may be the allocation id
        assertThat(found).containsEntry("Standby", List.of("StandbyEip", "WebEip"));
        // HasLegacy is false: LegacyEip does not exist and the user data takes the parameter's address
        assertThat(found).containsEntry("Legacy", List.of());
        assertThat(found).containsEntry("Escaped", List.of());
    }

    @Test
    void an_eip_an_association_attaches_stays_met_whatever_the_user_data_names() throws Exception {
        String template = """
                Resources:
                  BastionEip:
                    Type: AWS::EC2::EIP
                    Properties: {Domain: vpc}
                  Bastion:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0c101f26f147fa7fd
                      InstanceType: t3.micro
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash
                          echo "bastion address: ${BastionEip}" > /etc/motd
                  BastionEipAssociation:
                    Type: AWS::EC2::EIPAssociation
                    Properties:
                      AllocationId: !GetAtt BastionEip.AllocationId
                      InstanceId: !Ref Bastion
                """;
        Path file = java.nio.file.Files.createTempFile("bastion-eip-association", ".yaml");
        try {
            java.nio.file.Files.writeString(file, template);
            ControlResult c = ec2_12(EvaluatedTemplate.of(file, TemplateParameters.NONE), "BastionEip");
            assertThat(c.status()).isEqualTo(Status.MET);
            assertThat(c.evidence()).noneMatch(e -> e.contains("user data"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
