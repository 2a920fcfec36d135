package dev.srm.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How a batch gives path-made ids to inputs of the same name (SameNamedInputsTest runs it through the commands). */
class BatchIdsTest {
    @Test
    void each_later_input_goes_up_one_more_directory_until_its_id_is_free() {
        BatchIds ids = new BatchIds();
        assertThat(ids.claim("main", "/repo/us/prod/main.yaml", true).id()).isEqualTo("main");
        assertThat(ids.claim("main", "/repo/eu/prod/main.yaml", true).id()).isEqualTo("prod-main");
        BatchIds.Claim third = ids.claim("main", "/repo/ap/prod/main.yaml", true);
        assertThat(third.id()).as("prod-main is taken: one more directory").isEqualTo("ap-prod-main");
        assertThat(third.notice()).isEqualTo("/repo/ap/prod/main.yaml: scenario id 'ap-prod-main': 'main', made from the file's"
                + " path, is taken by /repo/us/prod/main.yaml in this batch");
    }

    @Test
    void a_template_named_after_its_directory_skips_that_directory() {
        BatchIds ids = new BatchIds();
        ids.claim("infra", "/repo/billing/infra/template.yaml", true);
        assertThat(ids.claim("infra", "/repo/orders/infra/template.yaml", true).id()).isEqualTo("orders-infra");
    }

    @Test
    void directory_names_become_id_parts_and_a_name_with_no_letters_or_digits_is_skipped() {
        BatchIds ids = new BatchIds();
        ids.claim("stack", "/repo/A/stack.yaml", true);
        assertThat(ids.claim("stack", "/repo/Team Web/__/stack.yaml", true).id()).isEqualTo("team-web-stack");
    }

    @Test
    void an_input_with_no_directory_left_to_add_is_a_duplicate_and_a_declared_id_always_is() {
        BatchIds ids = new BatchIds();
        ids.claim("shop", "/shop.yaml", true);
        assertThat(ids.claim("shop", "/shop.yaml", true).heldBy()).isEqualTo("/shop.yaml");
        ids.claim("billing", "/repo/a/stack.yaml", false);
        BatchIds.Claim declared = ids.claim("billing", "/repo/b/stack.yaml", false);
        assertThat(declared.id()).isNull();
        assertThat(declared.heldBy()).isEqualTo("/repo/a/stack.yaml");
    }

    @Test
    void a_batch_settles_in_audit_order_whatever_order_its_inputs_come_in() {
        BatchIds.InputIds orders = new BatchIds.InputIds("/repo/orders/infra/template.yaml", List.of("infra"), Set.of(0));
        BatchIds.InputIds billing = new BatchIds.InputIds("/repo/billing/infra/template.yaml", List.of("infra"), Set.of(0));
        BatchIds.InputIds declared = new BatchIds.InputIds("/repo/audit/template.yaml", List.of("orders-infra"), Set.of());
        for (List<BatchIds.InputIds> order : List.of(List.of(orders, billing, declared), List.of(declared, orders, billing))) {
            BatchIds.Settlement s = BatchIds.settle(order);
            assertThat(s.renamed()).containsOnlyKeys("/repo/orders/infra/template.yaml");
            assertThat(s.renamed().get("/repo/orders/infra/template.yaml").get(0).id()).isEqualTo("orders-infra");
            assertThat(s.skipped()).containsExactly(Map.entry("/repo/audit/template.yaml", Set.of(0)));
            assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                    .contains("duplicate scenario id 'orders-infra' (also used by /repo/orders/infra/template.yaml)"));
        }
    }

    @Test
    void a_uri_goes_up_its_own_path_not_the_machine_s() {
        assertThat(BatchIds.qualifications("main", "s3://infra-bucket/stacks/eu/prod/main.yaml"))
                .containsExactly("prod-main", "eu-prod-main", "stacks-eu-prod-main");
        assertThat(BatchIds.qualifications("infra", "/repo/orders/infra/template.yaml"))
                .startsWith("orders-infra", "repo-orders-infra");
    }
    @Test
    void an_id_made_from_an_aws_config_account_takes_the_files_name_first() {
        // two snapshots of one account in one directory: config-111122223333 for both; the second is not lost
        assertThat(BatchIds.qualifications("config-111122223333", "/audit/snapshots/2026-12-04.json.gz"))
                .startsWith("2026-12-04-config-111122223333", "snapshots-2026-12-04-config-111122223333");
    }
}

