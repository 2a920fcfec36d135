package dev.srm.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The duties matrix is checked row by row when a pack is read: a bad row is one clear line naming the file and the row. */
class DutyTableTest {
    private static final String CATALOG = """
            dutyCatalog:
              - layer: guest-os-and-app-patching
                duties:
                  - {id: os-patching, title: OS patching, meaning: "the OS"}
                  - {id: runtime-patching, title: Runtime patching, meaning: "the runtime"}
              - layer: backup-and-recovery
                duties:
                  - {id: backup-policy, title: Backup policy, meaning: "retention"}
            """;

    private static DutyTable load(String rows) throws RulesException {
        return DutyTable.load(RuleSources.of(List.of(new RuleFile("pack/catalog/duties.yaml", "catalog/duties.yaml", CATALOG),
                new RuleFile("pack/catalog/duties/lambda.yaml", "catalog/duties/lambda.yaml", rows))));
    }

    @Test
    void a_good_row_becomes_a_named_row_with_its_line() throws RulesException {
        DutyTable t = load("""
                service: Lambda
                layers:
                  guest-os-and-app-patching:
                    - duty: runtime-patching
                      variant: [container-image]
                      party: CUSTOMER
                      reason: The image carries its own runtime, which the customer rebuilds to patch.
                      source: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html
                """);
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("lambda-container-image-runtime-patching");
            assertThat(r.level()).isEqualTo(2);
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.file()).isEqualTo("pack/catalog/duties/lambda.yaml");
        });
    }

    @Test
    void placeholder_reasons_missing_sources_unknown_duties_and_wrong_layers_are_rejected() {
        assertThatThrownBy(() -> load("""
                service: Athena
                layers:
                  guest-os-and-app-patching:
                    - duty: os-patching
                      party: AWS
                      reason: "Athena: SERVERLESS service"
                      source: https://docs.aws.amazon.com/athena/latest/ug/security.html
                    - duty: runtime-patching
                      party: AWS
                      reason: AWS patches the engine Athena runs queries on; there is nothing for the customer to patch.
                    - duty: engine-patchin
                      party: AWS
                      reason: AWS patches the engine Athena runs queries on; there is nothing for the customer to patch.
                      source: https://docs.aws.amazon.com/athena/latest/ug/security.html
                  backup-and-recovery:
                    - duty: os-patching
                      party: maybe
                      reason: AWS patches the engine Athena runs queries on; there is nothing for the customer to patch.
                      source: http://example.com/page
                """)).isInstanceOf(RulesException.class).satisfies(e -> assertThat(((RulesException) e).problems()).containsExactly(
                "pack/catalog/duties/lambda.yaml:4: the reason is missing or a placeholder; say what AWS does and what the customer does",
                "pack/catalog/duties/lambda.yaml:8: source must be the https page of docs.aws.amazon.com or aws.amazon.com that states this row",
                "pack/catalog/duties/lambda.yaml:11: unknown duty 'engine-patchin' (the duties of guest-os-and-app-patching are os-patching, runtime-patching)",
                "pack/catalog/duties/lambda.yaml:16: duty 'os-patching' belongs to layer guest-os-and-app-patching, not backup-and-recovery; "
                        + "party must be one of [AWS, CUSTOMER, SHARED, NONE], not 'maybe'; "
                        + "source must be the https page of docs.aws.amazon.com or aws.amazon.com that states this row"));
    }

    @Test
    void the_bundled_matrix_reads_clean_and_covers_every_duty_for_every_service_model() throws RulesException {
        DutyTable t = DutyTable.load(RuleSources.bundled());
        assertThat(t.duties()).hasSizeGreaterThanOrEqualTo(34);
        for (String model : List.of("IAAS", "PAAS", "SERVERLESS")) {
            assertThat(t.rows().stream().filter(r -> model.equals(r.serviceModel())).map(DutyTable.Row::duty).distinct())
                    .as(model).containsExactlyInAnyOrderElementsOf(t.duties().keySet());
        }
        assertThat(t.rows().stream().filter(r -> r.service() != null).map(DutyTable.Row::service).distinct()).hasSizeGreaterThanOrEqualTo(51);
    }
}
