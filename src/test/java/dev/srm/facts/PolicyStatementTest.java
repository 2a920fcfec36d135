package dev.srm.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a statement grants, as evidence names it and as Lambda.1 reads an Amazon S3 permission. */
class PolicyStatementTest {
    private static PolicyStatement statement(List<String> principals, List<String> actions, boolean notAction, List<PolicyStatement.Condition> conditions) {
        return new PolicyStatement("Bucket", "PolicyDocument", 0, "Allow", principals, false, actions, notAction,
                List.of("arn:aws:s3:::acme-orders/*"), false, conditions, false);
    }

    @Test
    void a_not_action_statement_is_named_as_every_action_but_those_it_lists() {
        assertThat(statement(List.of("*"), List.of("s3:DeleteObject"), true, List.of()).actionsText())
                .isEqualTo("every action but [s3:DeleteObject]");
        assertThat(statement(List.of("*"), List.of("s3:GetObject"), false, List.of()).actionsText()).isEqualTo("[s3:GetObject]");
    }

    @Test
    void amazon_s3_without_the_source_account_may_come_from_any_accounts_bucket() {
        PolicyStatement.Condition arn = new PolicyStatement.Condition("ArnLike", "AWS:SourceArn", List.of("arn:aws:s3:::acme-uploads"));
        PolicyStatement.Condition account = new PolicyStatement.Condition("StringEquals", "aws:SourceAccount", List.of("444455556666"));
        assertThat(statement(List.of("Service:s3.amazonaws.com"), List.of("lambda:InvokeFunction"), false, List.of(arn)).s3WithoutSourceAccount()).isTrue();
        assertThat(statement(List.of("Service:s3.amazonaws.com"), List.of("lambda:InvokeFunction"), false, List.of(arn, account)).s3WithoutSourceAccount())
                .isFalse();
        assertThat(statement(List.of("Service:sns.amazonaws.com"), List.of("lambda:InvokeFunction"), false, List.of()).s3WithoutSourceAccount()).isFalse();
    }
}
