package dev.srm.engine;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer that no evidence rule speaks to is explained in the words its control declared for an absent setting. */
class AbsentMeansEvidenceTest {
    @Test
    void an_elastic_ip_nothing_uses_is_missing_with_the_controls_reason() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: spare-eip
                inventory: complete
                resources:
                  - id: SpareEip
                    type: AWS::EC2::EIP
                    configuration: {Domain: vpc}
                """);
        ControlResult c = e.resources().get(0).controls().stream().filter(x -> x.id().equals("ec2-unused-eip-removed")).findFirst().orElseThrow();

        assertThat(c.status()).isEqualTo(Status.MISSING);
        assertThat(c.rule()).isEqualTo("control-unevidenced-complete");
        assertThat(c.evidence()).containsExactly("ABSENT: an EIP that no instance, AWS::EC2::EIPAssociation, AWS::EC2::NatGateway or Network"
                + " Load Balancer subnet mapping uses is unused: MISSING with a complete inventory (what the control says an absent setting"
                + " means)");
    }

    @Test
    void evidence_that_exists_is_not_replaced() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: used-eip
                inventory: complete
                resources:
                  - id: BastionEip
                    type: AWS::EC2::EIP
                    configuration: {Domain: vpc, InstanceId: Bastion}
                """);
        ControlResult c = e.resources().get(0).controls().stream().filter(x -> x.id().equals("ec2-unused-eip-removed")).findFirst().orElseThrow();

        assertThat(c.status()).isEqualTo(Status.MET);
        assertThat(c.evidence()).containsExactly("MET: in use: BastionEip InstanceId = Bastion (BastionEip:InstanceId)");
    }
}
