package dev.srm.input.config;

import dev.srm.model.ControlResult;
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
 * A select-resource-config row holds what its query selected, not the whole item: what it leaves out is no
 * evidence (select-trail-and-instance-partial.json). A whole item (snapshot.json) keeps its answer.
 */
class PartialSelectRowsTest {
    private static final Path DIR = Path.of("src/test/resources/config");

    private static Evaluation evaluate(String file) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(file, Files.readAllBytes(DIR.resolve(file)), InputFormat.config, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    private static ControlResult account(Evaluation e, String control) {
        return e.accountControls().stream().filter(x -> x.id().equals(control)).findFirst().orElseThrow();
    }

    private static ControlResult control(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource));
    }

    /**
     * CloudTrail.1: a row that selected configuration.isMultiRegionTrail but not the trail's event selectors (nor
     * hasCustomEventSelectors) does not show that the trail captures every management event; it was MET.
     */
    @Test
    void a_multi_region_trail_whose_row_leaves_out_its_event_selectors_does_not_meet_cloudtrail_1() throws Exception {
        ControlResult partial = account(evaluate("select-trail-and-instance-partial.json"), "account-multi-region-trail");
        assertThat(partial.status()).isEqualTo(Status.UNKNOWN);
        assertThat(partial.evidence()).anySatisfy(x -> assertThat(x).contains("event selectors"));
        assertThat(account(evaluate("snapshot.json"), "account-multi-region-trail").status()).isEqualTo(Status.MET);
    }

    /** EC2.17: a row without configuration.networkInterfaces does not show that the instance has one interface; it was MET. */
    @Test
    void an_instance_whose_row_leaves_out_its_network_interfaces_is_undecided_for_ec2_17() throws Exception {
        assertThat(control(evaluate("select-trail-and-instance-partial.json"), "arn:aws:ec2:eu-west-1:444455556666:instance/i-0a1b2c3d4e5f60718",
                "ec2-instance-single-eni").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(evaluate("snapshot.json"), "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0",
                "ec2-instance-single-eni").status()).isEqualTo(Status.MET);
        assertThat(control(evaluate("instance-store-root.json"), "arn:aws:ec2:eu-west-1:444455556666:instance/i-0a1b2c3d4e5f60719",
                "ec2-instance-single-eni").status()).isEqualTo(Status.MET);
    }
}
