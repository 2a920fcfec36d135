package dev.srm.input.config;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ELB.8 judges each HTTPS or SSL listener by the negotiation policy it uses; in an AWS Config item
 * that is the listener description's policyNames, and the policies are the load balancer's
 * supplementary LoadBalancerPolicies. A Terraform plan keeps listener policies in resources of
 * their own, which srm does not map: there the policy is not shown, and ELB.8 stays open.
 */
class ClassicLoadBalancerItemTest {
    private static String item(String name, String policyNames) {
        return """
                {"relatedEvents": [], "relationships": [],
                 "configuration": {"loadBalancerName": "%1$s", "scheme": "internet-facing", "subnets": ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                   "listenerDescriptions": [
                     {"listener": {"protocol": "HTTPS", "loadBalancerPort": 443, "instanceProtocol": "HTTP", "instancePort": 8080,
                                   "sslcertificateId": "arn:aws:acm:us-east-1:111122223333:certificate/0f6c0d7e-2b1a-4c3d-9e8f-123456789abc"},
                      "policyNames": %2$s}]},
                 "supplementaryConfiguration": {"LoadBalancerPolicies": [
                   {"policyName": "ELBSecurityPolicy-TLS-1-2-2017-01", "policyTypeName": "SSLNegotiationPolicyType",
                    "policyAttributeDescriptions": [{"attributeName": "Reference-Security-Policy", "attributeValue": "ELBSecurityPolicy-TLS-1-2-2017-01"},
                                                    {"attributeName": "Protocol-TLSv1.2", "attributeValue": "true"}]},
                   {"policyName": "ELBSecurityPolicy-2016-08", "policyTypeName": "SSLNegotiationPolicyType",
                    "policyAttributeDescriptions": [{"attributeName": "Reference-Security-Policy", "attributeValue": "ELBSecurityPolicy-2016-08"}]}]},
                 "tags": {}, "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-03-01T08:00:00.000Z",
                 "configurationStateId": 1772352000000, "awsAccountId": "111122223333", "configurationItemStatus": "OK",
                 "resourceType": "AWS::ElasticLoadBalancing::LoadBalancer", "resourceId": "%1$s", "resourceName": "%1$s",
                 "awsRegion": "us-east-1", "availabilityZone": "Multiple Availability Zones", "configurationStateMd5Hash": ""}
                """.formatted(name, policyNames);
    }

    private static ControlResult elb8(String snapshot, String resource) {
        List<Evaluation> e = Packs.srm().evaluate("snapshot.json", snapshot.getBytes(StandardCharsets.UTF_8), InputFormat.config, false);
        return e.get(0).resources().stream().filter(r -> r.id().endsWith(resource)).flatMap(r -> r.controls().stream())
                .filter(c -> c.id().equals("elb-clb-strong-ssl-policy")).findFirst().orElseThrow();
    }

    @Test
    void the_policy_a_listener_names_decides_elb8() {
        String snapshot = "{\"fileVersion\": \"1.0\", \"configSnapshotId\": \"7d2e4f6a-1b3c-4d5e-8f90-a1b2c3d4e5f6\", \"configurationItems\": ["
                + item("store-clb", "[\"ELBSecurityPolicy-TLS-1-2-2017-01\"]") + ","
                + item("legacy-clb", "[\"ELBSecurityPolicy-2016-08\"]") + "]}";

        ControlResult strong = elb8(snapshot, "store-clb");
        assertThat(strong.status()).as("%s", strong.evidence()).isEqualTo(Status.MET);
        assertThat(strong.evidence()).singleElement().asString()
                .startsWith("MET: HTTPS listener Listeners[0] uses policy ELBSecurityPolicy-TLS-1-2-2017-01, which references");
        ControlResult weak = elb8(snapshot, "legacy-clb");
        assertThat(weak.status()).as("%s", weak.evidence()).isEqualTo(Status.MISSING);
    }

    @Test
    void a_terraform_plan_whose_listener_policies_are_other_resources_leaves_elb8_open() {
        String plan = """
                {"format_version": "1.2", "terraform_version": "1.9.8", "planned_values": {"root_module": {"resources": [
                 {"address": "aws_elb.web", "mode": "managed", "type": "aws_elb", "name": "web", "provider_name": "registry.terraform.io/hashicorp/aws",
                  "values": {"name": "web", "internal": false, "subnets": ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                   "listener": [{"instance_port": 8080, "instance_protocol": "http", "lb_port": 443, "lb_protocol": "HTTPS",
                                 "ssl_certificate_id": "arn:aws:acm:us-east-1:111122223333:certificate/0f6c0d7e-2b1a-4c3d-9e8f-123456789abc"}]}}]}}}
                """;
        List<Evaluation> e = Packs.srm().evaluate("plan.json", plan.getBytes(StandardCharsets.UTF_8), InputFormat.terraform, false);
        ControlResult c = e.get(0).resources().get(0).controls().stream().filter(x -> x.id().equals("elb-clb-strong-ssl-policy"))
                .findFirst().orElseThrow();

        assertThat(c.status()).isEqualTo(Status.UNKNOWN);
        assertThat(c.evidence()).containsExactly("ABSENT: HTTPS listener Listeners[0]: the input does not show the negotiation policy it uses");
    }
}
