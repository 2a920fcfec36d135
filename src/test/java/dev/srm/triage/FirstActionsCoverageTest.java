package dev.srm.triage;

import dev.srm.engine.RulePack;
import dev.srm.model.Responsibility;
import dev.srm.model.Triage;
import dev.srm.rules.IncidentCatalog;
import dev.srm.rules.ServiceCatalog;
import dev.srm.testing.Packs;
import dev.srm.testing.Triages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer that names an owner names what the owner does first: for every service of the catalogue
 * and every CloudFormation type it knows, asked from flags for every incident kind, a triage whose
 * owner is AWS, CUSTOMER or SHARED has at least one first action. (A review found EKS, Elastic
 * Beanstalk, Fargate, ELB, API Gateway, WAF and a dozen managed services answering "SHARED owns the
 * remediation" for malware or a vulnerability with no action at all.)
 */
class FirstActionsCoverageTest {
    private static final Set<Responsibility> OWNERS = EnumSet.of(Responsibility.AWS, Responsibility.CUSTOMER, Responsibility.SHARED);

    @Test
    void every_answer_with_an_owner_has_first_actions_on_every_service_and_type() {
        RulePack pack = Packs.bundled();
        List<String> targets = new ArrayList<>();
        for (ServiceCatalog.Service s : pack.catalog().services()) {
            targets.add(s.name());
            targets.addAll(s.types());
        }
        List<String> gaps = new ArrayList<>();
        int asked = 0;
        for (String target : targets) {
            for (IncidentCatalog.Kind kind : pack.incidents().kinds()) {
                Triage t = Triages.on(target, kind.id()).triage();
                asked++;
                if (OWNERS.contains(t.owner()) && t.actions().isEmpty()) {
                    gaps.add(target + " " + kind.id() + ": " + t.owner() + " owns it (" + t.rule() + ") but no first action");
                }
            }
        }
        assertThat(asked).isGreaterThan(1000);
        assertThat(gaps).as("owners without first actions").isEmpty();
    }
}
