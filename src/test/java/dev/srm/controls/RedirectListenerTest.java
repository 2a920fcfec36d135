package dev.srm.controls;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP:80 listener that only redirects to HTTPS is what ELB.1 asks for, and ELB.18 still fails
 * it: Security Hub makes no exception for redirects. srm answers as Security Hub does and says
 * why, so that the owner is not left with two controls that seem to contradict each other.
 */
class RedirectListenerTest {

    @Test
    void a_redirect_only_http_listener_meets_elb_1_and_fails_elb_18_with_the_reason() {
        Evaluation e = Packs.evaluate(Path.of("scenarios/controls/elb.yaml"));

        assertThat(control(e, "HttpRedirectListener", "elb-alb-http-to-https-redirect").status()).isEqualTo(Status.MET);
        ControlResult elb18 = control(e, "HttpRedirectListener", "elb-listener-secure-protocol");
        assertThat(elb18.status()).isEqualTo(Status.MISSING);
        assertThat(elb18.evidence()).anySatisfy(ev -> assertThat(ev).contains("makes no exception for redirects").contains("waiver"));
        // a listener that forwards plain HTTP gets no such word: nothing in its configuration explains it
        assertThat(control(e, "HttpForwardListener", "elb-listener-secure-protocol").evidence())
                .noneSatisfy(ev -> assertThat(ev).contains("redirect"));
    }
}
