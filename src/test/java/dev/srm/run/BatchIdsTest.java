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
            // both path-made 'infra' ids are qualified; the declared id is the user's, so orders goes up one more directory
            assertThat(s.renamed()).containsOnlyKeys("/repo/orders/infra/template.yaml", "/repo/billing/infra/template.yaml");
            assertThat(s.renamed().get("/repo/billing/infra/template.yaml").get(0).id()).isEqualTo("billing-infra");
            assertThat(s.renamed().get("/repo/orders/infra/template.yaml").get(0).id()).isEqualTo("repo-orders-infra");
            assertThat(s.skipped()).isEmpty();
            assertThat(s.problems()).isEmpty();
        }
    }

    @Test
    void a_file_added_to_a_batch_cannot_take_the_id_of_one_already_there() {
        // a baseline's fingerprints follow scenario ids: alpha/app.yaml, added beside dev/ and prod/, sorts first and used
        // to take 'app' from dev/app.yaml, so that dev's findings matched the baseline's prod ones and alpha's were UNCHANGED
        BatchIds.InputIds dev = new BatchIds.InputIds("/stacks/dev/app.yaml", List.of("app"), Set.of(0));
        BatchIds.InputIds prod = new BatchIds.InputIds("/stacks/prod/app.yaml", List.of("app"), Set.of(0));
        BatchIds.InputIds alpha = new BatchIds.InputIds("/stacks/alpha/app.yaml", List.of("app"), Set.of(0));
        BatchIds.Settlement before = BatchIds.settle(List.of(dev, prod));
        BatchIds.Settlement after = BatchIds.settle(List.of(alpha, dev, prod));
        assertThat(before.renamed().get("/stacks/dev/app.yaml").get(0).id()).isEqualTo("dev-app");
        assertThat(after.renamed().get("/stacks/dev/app.yaml").get(0).id()).isEqualTo("dev-app");
        assertThat(before.renamed().get("/stacks/prod/app.yaml").get(0).id()).isEqualTo("prod-app");
        assertThat(after.renamed().get("/stacks/prod/app.yaml").get(0).id()).isEqualTo("prod-app");
        assertThat(after.renamed().get("/stacks/alpha/app.yaml").get(0).id()).isEqualTo("alpha-app");
        assertThat(after.renamed().get("/stacks/alpha/app.yaml").get(0).notice())
                .isEqualTo("/stacks/alpha/app.yaml: scenario id 'alpha-app': 'app', made from the file's path, is also that of"
                        + " /stacks/dev/app.yaml, /stacks/prod/app.yaml in this batch");
        // a group's qualified id never takes another input's own: orders/main.yaml would become orders-main, which
        // c/orders-main.yaml has; adding billing/main.yaml must not move 'orders-main' from one file to the other
        BatchIds.InputIds ordersMain = new BatchIds.InputIds("/r/orders/main.yaml", List.of("main"), Set.of(0));
        BatchIds.InputIds billingMain = new BatchIds.InputIds("/r/billing/main.yaml", List.of("main"), Set.of(0));
        BatchIds.InputIds own = new BatchIds.InputIds("/r/c/orders-main.yaml", List.of("orders-main"), Set.of(0));
        BatchIds.Settlement three = BatchIds.settle(List.of(ordersMain, billingMain, own));
        assertThat(three.renamed()).doesNotContainKey("/r/c/orders-main.yaml");
        assertThat(three.renamed().get("/r/orders/main.yaml").get(0).id()).isEqualTo("r-orders-main");
        assertThat(three.renamed().get("/r/billing/main.yaml").get(0).id()).isEqualTo("billing-main");
        assertThat(three.problems()).isEmpty();
        // two directories of the same name: each goes up as far as it must
        BatchIds.Settlement deep = BatchIds.settle(List.of(new BatchIds.InputIds("/a/stacks/main.yaml", List.of("main"), Set.of(0)),
                new BatchIds.InputIds("/b/stacks/main.yaml", List.of("main"), Set.of(0))));
        assertThat(deep.renamed().get("/a/stacks/main.yaml").get(0).id()).isEqualTo("a-stacks-main");
        assertThat(deep.renamed().get("/b/stacks/main.yaml").get(0).id()).isEqualTo("b-stacks-main");
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

