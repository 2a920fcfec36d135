package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.Responsibility;
import dev.srm.model.RuleInfo;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The roll-ups count what the evaluations say and do not depend on the order they arrive in. */
class PortfolioBuilderTest {
    private static AuditCatalog catalog() {
        List<RuleInfo> controls = Packs.bundled().rules().values().stream().filter(r -> "control".equals(r.kind())).toList();
        return new AuditCatalog(controls, List.of(), Map.of("GuardDuty", "Detects threats"));
    }

    private static List<Evaluation> study() {
        List<Evaluation> out = new ArrayList<>();
        for (String f : List.of("ec2-patching", "lambda-permissions", "rds-backup-retention", "s3-public-bucket")) {
            out.add(Packs.evaluate(Path.of("scenarios/study/" + f + ".yaml")));
        }
        return out;
    }

    private static Portfolio build(List<Evaluation> evaluations) {
        PortfolioBuilder b = new PortfolioBuilder(catalog());
        evaluations.forEach(b::add);
        return b.build(List.of());
    }

    @Test
    void the_order_of_evaluations_does_not_matter() {
        List<Evaluation> evaluations = study();
        Portfolio forward = build(evaluations);
        Collections.reverse(evaluations);
        assertThat(build(evaluations)).isEqualTo(forward);
    }

    @Test
    void counts_match_the_study_scenarios() {
        Portfolio p = build(study());
        assertThat(p.totals().scenarios()).isEqualTo(4);
        assertThat(p.totals().resources()).isEqualTo(6);
        assertThat(p.findingsBySeverity()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.HIGH, 3)
                .containsEntry(Severity.MEDIUM, 3);
        assertThat(p.hasFindingAtLeast(Severity.CRITICAL)).isTrue();
        assertThat(p.hasFindingAtLeast(null)).isFalse();
        Portfolio.ServiceRow ec2 = p.services().stream().filter(r -> r.label().equals("EC2 instance")).findFirst().orElseThrow();
        assertThat(ec2.party("guest-os-and-app-patching")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(p.servicesLeaving("guest-os-and-app-patching", Responsibility.CUSTOMER)).containsExactly("EC2 instance");
        assertThat(p.customerShare()).extracting(Portfolio.ModelShare::serviceModel).containsExactly("IAAS", "PAAS", "SERVERLESS");
        assertThat(p.evidence()).hasSize(catalog().controls().size());
        assertThat(p.integrations().get(0).closes()).isGreaterThanOrEqualTo(p.integrations().get(p.integrations().size() - 1).closes());
        int missing = p.controlsByStatusAndSeverity().get("MISSING").values().stream().mapToInt(Integer::intValue).sum();
        assertThat(missing).isEqualTo(p.totals().findings());
    }
}
