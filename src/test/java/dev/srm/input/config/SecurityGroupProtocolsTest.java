package dev.srm.input.config;

import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each security group control counts the protocols its Config rule does, whatever the input: EC2.14
 * (restricted-common-ports, as EC2.19) evaluates incoming TCP traffic only, so UDP 3389 from anywhere does not fail it (it was
 * MISSING); EC2.13 (restricted-ssh) checks "incoming SSH traffic" and names no protocol, so UDP 22 leaves it
 * UNKNOWN; EC2.53 (vpc-sg-port-restriction-check, protocolType ALL) still counts both. An AWS Config inventory
 * (security-group-protocols.json) and a template (templates-sg/udp-admin-ports.yaml) answer alike.
 */
class SecurityGroupProtocolsTest {
    private static final String SG = "arn:aws:ec2:eu-west-1:444455556666:security-group/";

    @Test
    void ec2_14_counts_tcp_only_and_ec2_13_leaves_udp_undecided_in_an_aws_config_inventory() throws Exception {
        Evaluation e = evaluate(Path.of("src/test/resources/config/security-group-protocols.json"), InputFormat.config);
        check(e, SG + "sg-0a1b2c3d4e5f60718", SG + "sg-0f1e2d3c4b5a69788", SG + "sg-0b2c3d4e5f6a70819");
    }

    @Test
    void ec2_14_counts_tcp_only_and_ec2_13_leaves_udp_undecided_in_a_template() throws Exception {
        Evaluation e = evaluate(Path.of("src/test/resources/templates-sg/udp-admin-ports.yaml"), InputFormat.cloudformation);
        check(e, "RdpUdpSecurityGroup", "RdpTcpSecurityGroup", "SshUdpSecurityGroup");
    }

    private static void check(Evaluation e, String rdpUdp, String rdpTcp, String udp22) {
        assertThat(status(e, rdpUdp, "ec2-security-group-no-open-rdp")).isEqualTo(Status.MET);
        // EC2.19 is restricted-common-ports too (created as vpc-sg-restricted-common-ports): TCP only
        assertThat(status(e, rdpUdp, "vpc-sg-no-high-risk-ports")).isEqualTo(Status.MET);
        assertThat(status(e, rdpTcp, "vpc-sg-no-high-risk-ports")).isEqualTo(Status.MISSING);
        assertThat(status(e, rdpUdp, "vpc-sg-no-admin-ports-ipv4")).isEqualTo(Status.MISSING);
        assertThat(status(e, rdpTcp, "ec2-security-group-no-open-rdp")).isEqualTo(Status.MISSING);
        assertThat(status(e, udp22, "ec2-security-group-no-open-ssh")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, udp22, "vpc-sg-no-admin-ports-ipv4")).isEqualTo(Status.MISSING);
    }

    private static Evaluation evaluate(Path file, InputFormat format) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(file.getFileName().toString(), Files.readAllBytes(file), format, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    private static Status status(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource)).status();
    }
}
