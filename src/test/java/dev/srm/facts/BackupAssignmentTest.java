package dev.srm.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a backup selection's parts combine (AWS Backup's BackupSelection: Resources any, ListOfTags
 * any, Conditions all, less NotResources), on the cases the template test does not reach: the
 * negated operators on an untagged file system, an operator srm does not read, and parts that
 * disagree.
 */
class BackupAssignmentTest {
    private static final Resource FS = new Resource("fs-0a1b2c3d4e5f60718", "EFS", "AWS::EFS::FileSystem", Map.of("env", "prod"));

    private static BackupAssignment.Answer answer(Setting... selection) {
        return BackupAssignment.of(FS, List.of(), List.of(selection)).answer();
    }

    private static Setting s(String path, String value) {
        return new Setting("sel", "BackupSelection." + path, "BackupSelection." + path.replaceAll("\\[\\d+]", "[*]"), value);
    }

    @Test
    void negated_conditions_hold_on_a_tag_the_file_system_does_not_carry() {
        assertThat(answer(s("Conditions.StringNotEquals[0].ConditionKey", "aws:ResourceTag/backup"),
                s("Conditions.StringNotEquals[0].ConditionValue", "none"))).isEqualTo(BackupAssignment.Answer.YES);
        assertThat(answer(s("Conditions.StringNotLike[0].ConditionKey", "aws:ResourceTag/env"),
                s("Conditions.StringNotLike[0].ConditionValue", "pr*"))).isEqualTo(BackupAssignment.Answer.NO);
        assertThat(answer(s("Conditions.StringLike[0].ConditionKey", "aws:ResourceTag/env"),
                s("Conditions.StringLike[0].ConditionValue", "pr*"))).isEqualTo(BackupAssignment.Answer.YES);
    }

    @Test
    void empty_condition_lists_are_no_conditions() {
        // GetBackupSelection, and AWS Config after it, write every operator's list, empty ones too
        assertThat(answer(s("Resources[0]", "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/*"),
                s("Conditions.StringEquals", ""), s("Conditions.StringNotLike", ""))).isEqualTo(BackupAssignment.Answer.YES);
    }

    @Test
    void every_condition_must_hold() {
        assertThat(answer(s("Conditions.StringEquals[0].ConditionKey", "aws:ResourceTag/env"),
                s("Conditions.StringEquals[0].ConditionValue", "prod"),
                s("Conditions.StringEquals[1].ConditionKey", "aws:ResourceTag/team"),
                s("Conditions.StringEquals[1].ConditionValue", "data"))).isEqualTo(BackupAssignment.Answer.NO);
    }

    @Test
    void arns_of_another_service_or_file_system_do_not_name_it() {
        assertThat(answer(s("Resources[0]", "arn:aws:dynamodb:eu-west-1:111122223333:table/*"))).isEqualTo(BackupAssignment.Answer.NO);
        assertThat(answer(s("Resources[0]", "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-99"))).isEqualTo(BackupAssignment.Answer.NO);
        assertThat(answer(s("Resources[0]", "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0a1b2c3d4e5f60718")))
                .isEqualTo(BackupAssignment.Answer.YES);
        assertThat(answer(s("Resources[0]", "*"))).isEqualTo(BackupAssignment.Answer.YES);
    }

    @Test
    void a_table_is_named_by_an_arn_that_ends_with_its_table_name() {
        // a template's table: its srm id is the logical id, its ARN ends with TableName
        Resource table = new Resource("OrdersTable", "DynamoDB", "AWS::DynamoDB::Table", Map.of());
        Setting name = new Setting("OrdersTable", "TableName", "TableName", "orders");
        Setting unknownName = new Setting("OrdersTable", "TableName", "TableName", "${unknown: Ref to parameter Name}");
        Setting byName = s("Resources[0]", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
        assertThat(BackupAssignment.of(table, List.of(name), List.of(byName)).answer()).isEqualTo(BackupAssignment.Answer.YES);
        assertThat(BackupAssignment.of(table, List.of(), List.of(byName)).answer()).isEqualTo(BackupAssignment.Answer.NO);
        assertThat(BackupAssignment.of(table, List.of(unknownName), List.of(byName)).answer()).isEqualTo(BackupAssignment.Answer.UNKNOWN);
        assertThat(BackupAssignment.of(table, List.of(name), List.of(s("Resources[0]", "arn:aws:dynamodb:*:*:table/ord*"))).answer())
                .isEqualTo(BackupAssignment.Answer.YES);
        assertThat(BackupAssignment.of(table, List.of(name), List.of(s("Resources[0]", "arn:aws:dynamodb:eu-west-1:111122223333:table/invoices"))).answer())
                .isEqualTo(BackupAssignment.Answer.NO);
        assertThat(BackupAssignment.of(table, List.of(unknownName), List.of(s("Resources[0]", "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-1"))).answer())
                .isEqualTo(BackupAssignment.Answer.NO);
    }

    @Test
    void what_srm_does_not_read_or_cannot_decide_is_unknown_never_a_guess() {
        assertThat(answer(s("Conditions.ForAnyValueStringEquals[0].ConditionKey", "aws:ResourceTag/env"),
                s("Conditions.ForAnyValueStringEquals[0].ConditionValue", "prod"))).isEqualTo(BackupAssignment.Answer.UNKNOWN);
        // named by ARN, but a ListOfTags tag it does not carry: AWS's pages do not say whether the two add up
        assertThat(answer(s("Resources[0]", "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0a1b2c3d4e5f60718"),
                s("ListOfTags[0].ConditionType", "STRINGEQUALS"), s("ListOfTags[0].ConditionKey", "backup"),
                s("ListOfTags[0].ConditionValue", "daily"))).isEqualTo(BackupAssignment.Answer.UNKNOWN);
        assertThat(answer(s("Resources[0]", "arn:aws:elasticfilesystem:*:*:file-system/*"),
                s("NotResources[0]", Setting.unknownValue("Fn::ImportValue 'excluded-fs'")))).isEqualTo(BackupAssignment.Answer.UNKNOWN);
        // a whole list known only after apply is not "no Resources" (which would take in every resource)
        assertThat(answer(s("Resources", Setting.unknownValue("known only after apply")))).isEqualTo(BackupAssignment.Answer.UNKNOWN);
    }
}
