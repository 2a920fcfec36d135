package dev.srm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets one clear line naming file, place and expectation, and a distinct exit code. */
class EvaluateBadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static CliRun evaluate(Path... files) {
        String[] args = new String[files.length + 1];
        args[0] = "evaluate";
        for (int i = 0; i < files.length; i++) {
            args[i + 1] = files[i].toString();
        }
        return CliRun.of(args);
    }

    private static void assertInputError(CliRun run, String... fragments) {
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.err().lines().filter(l -> l.startsWith("srm: ")).count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(fragments);
    }

    @Test
    void a_missing_file() {
        assertInputError(evaluate(dir.resolve("nope.yaml")), "nope.yaml: no such file or directory");
    }

    @Test
    void a_directory_with_no_scenarios() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        write("empty/readme.txt", "not a scenario");
        assertInputError(evaluate(dir.resolve("empty")), "empty: no scenario files (*.yaml, *.yml, *.json, *.template) in this directory");
    }

    @Test
    void terraform_configuration_is_named_for_what_it_is_with_what_srm_reads_instead() throws IOException {
        Path hcl = write("network/main.tf", """
                resource "aws_security_group" "web" {
                  name   = "web"
                  vpc_id = var.vpc_id
                }
                """);
        assertInputError(evaluate(hcl), "main.tf: Terraform configuration, not a plan: srm reads a plan's JSON",
                "terraform show -json tfplan > plan.json");
        Path json = write("dns/zones.tf.json", "{\"resource\": {\"aws_route53_zone\": {\"corp\": {\"name\": \"corp.example.com\"}}}}");
        assertInputError(evaluate(json), "zones.tf.json: Terraform configuration, not a plan");
        assertInputError(evaluate(dir.resolve("network")), "network: no scenario files (*.yaml, *.yml, *.json, *.template) in this directory;"
                + " its *.tf files are Terraform configuration: srm reads a plan's JSON");
    }

    @Test
    void a_walk_leaves_out_tools_caches_and_packages_but_reads_them_when_named() throws IOException {
        write("app/template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n");
        write("app/.aws-sam/build/template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n");
        write("app/node_modules/aws-sdk/package.json", "{\"name\": \"aws-sdk\", \"version\": \"2.1692.0\"}");
        write("app/.terraform/modules/modules.json", "{\"Modules\": [{\"Key\": \"\", \"Source\": \"\", \"Dir\": \".\"}]}");
        CliRun run = CliRun.of("evaluate", dir.resolve("app").toString(), "--format", "json", "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(dir.resolve("app/template.yaml").toString()).doesNotContain(".aws-sam", "node_modules");
        CliRun named = CliRun.of("evaluate", dir.resolve("app/.aws-sam/build").toString(), "--fail-on", "none");
        assertThat(named.code()).as(named.err()).isZero();
    }

    @Test
    void srms_own_results_given_back_as_input_are_named_for_what_they_are() throws IOException {
        // they were refused as a scenario: "property 'findings' is not defined in the schema ... (and 13 more)"
        Path scenario = write("bucket.yaml", "srm: 1\nid: bucket\nresources:\n  - id: logs\n    type: AWS::S3::Bucket\n");
        CliRun json = CliRun.of("evaluate", scenario.toString(), "--format", "json", "--fail-on", "none");
        assertThat(json.code()).as(json.err()).isZero();
        Path results = write("results.json", json.out());
        assertInputError(evaluate(results), "results.json:1:1: srm's own results (srm evaluate --format json, or an audit's audit.json), not an input");
    }

    @Test
    void invalid_yaml_reports_line_and_column() throws IOException {
        Path f = write("bad.yaml", "srm: 1\nid: x\nresources:\n  - id: a\n    service: S3\n   bad: [\n");
        assertInputError(evaluate(f), "bad.yaml:6:4: invalid YAML: expected <block end>");
    }

    @Test
    void invalid_json_reports_line_and_column() throws IOException {
        Path f = write("bad.json", "{\"srm\": 1,\n \"id\": \"x\",\n \"resources\": [ }");
        assertInputError(evaluate(f), "bad.json:3:17: invalid JSON: Unexpected close marker '}'");
    }

    @Test
    void two_json_documents_in_one_file_are_one_line_in_srm_words_not_jacksons() throws IOException {
        Path f = write("two.json", "{\"srm\": 1, \"id\": \"a\", \"resources\": []} {\"x\": 1}");
        assertInputError(evaluate(f), "two.json:1:40: invalid JSON: a second value after the end of the first; expected one JSON document");
        CliRun run = evaluate(f);
        assertThat(run.err()).doesNotContain("Trailing token", "DeserializationFeature", "com.fasterxml");
    }

    /** A JSON input that goes on after its value is broken, not a prefix to read (terraform-json's testdata/invalid). */
    @Test
    void a_plan_or_a_parameters_file_with_more_after_its_value_is_refused_at_the_place() throws IOException {
        Path state = write("state.json", "{\n  \"format_version\": \"1.2\",\n  \"terraform_version\": \"1.9.8\",\n  \"values\": {"
                + "\"root_module\": {\"resources\": []}}\n}\n}}\n");
        assertInputError(evaluate(state), "state.json:6:1: invalid JSON: Unexpected close marker '}': no open Object to close");
        Path template = write("web.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters: {Env: {Type: String}}\n"
                + "Resources: {Logs: {Type: AWS::S3::Bucket}}\n");
        Path params = write("prod.json", "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}] {\"Env\": \"dev\"}");
        assertInputError(CliRun.of("evaluate", template.toString(), "--parameters-file", params.toString()),
                "prod.json:1:53: invalid JSON: a second value after the end of the first; expected one JSON document");
    }

    @Test
    void a_binary_yaml_value_is_one_line_with_its_place_and_the_other_files_still_run() throws IOException {
        Path bad = write("binary.yaml", "srm: 1\nid: binary\ntitle: !!binary YQ==\nresources: []\n");
        Path good = write("good-bucket.yaml", "srm: 1\nid: good-bucket\nresources:\n  - {id: logs, service: S3}\n");
        CliRun run = evaluate(bad, good);
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.err()).contains("binary.yaml:3:8: /title: a YAML !!binary value; expected text, a number or a boolean");
        assertThat(run.out()).contains("good-bucket");
        Path waivers = write("binary-waivers.yaml", "srmWaivers: 1\nwaivers:\n  - control: s3-versioning\n    reason: r\n"
                + "    owner: !!binary YQ==\n    expires: 2030-01-01\n");
        assertInputError(CliRun.of("evaluate", good.toString(), "--waivers", waivers.toString()),
                "binary-waivers.yaml:5:5: /waivers/0/owner: a YAML !!binary value; expected text");
    }

    @Test
    void a_wrong_type_names_the_pointer_and_the_expected_type() throws IOException {
        Path f = write("type.yaml", "srm: 1\nid: x\nresources: 5\n");
        assertInputError(evaluate(f), "type.yaml:3:1: /resources: integer found, array expected");
    }

    @Test
    void a_missing_required_field() throws IOException {
        Path f = write("req.yaml", "srm: 1\nresources: []\n");
        assertInputError(evaluate(f), "req.yaml:1:1: /: required property 'id' not found");
    }

    @Test
    void a_resource_without_service_or_type() throws IOException {
        Path f = write("nosvc.yaml", "srm: 1\nid: x\nresources:\n  - id: a\n");
        assertInputError(evaluate(f), "nosvc.yaml:4:5: /resources/0: required property 'service' not found");
    }

    @Test
    void an_unknown_service_is_a_warning_and_its_layers_are_unknown() throws IOException {
        Path f = write("svc.yaml", "srm: 1\nid: x\nresources:\n  - id: a\n    service: Frobnicator\n");
        CliRun run = CliRun.of("evaluate", f.toString(), "--format", "json");
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("warning: " + f + ":4: resource 'a': unknown service 'Frobnicator'");
        assertThat(run.out()).contains("\"party\": \"UNKNOWN\"").doesNotContain("\"party\": \"AWS\"");
    }

    @Test
    void an_unknown_cloudformation_type_is_a_warning() throws IOException {
        Path f = write("type.yaml", "srm: 1\nid: x\nresources:\n  - id: a\n    type: AWS::Nope::Thing\n");
        CliRun run = evaluate(f);
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("unknown CloudFormation type 'AWS::Nope::Thing'");
    }

    @Test
    void an_unknown_configuration_key_is_a_warning() throws IOException {
        Path f = write("key.yaml", "srm: 1\nid: x\nresources:\n  - id: a\n    service: S3\n    configuration: {BucketNmae: b}\n");
        CliRun run = evaluate(f);
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("resource 'a': unknown configuration key 'BucketNmae' for AWS::S3::Bucket");
    }

    @Test
    void duplicate_resource_ids() throws IOException {
        Path f = write("dup.yaml", "srm: 1\nid: x\nresources:\n  - id: a\n    service: S3\n  - id: a\n    service: EC2\n");
        assertInputError(evaluate(f), "dup.yaml:6:5: /resources/1/id: duplicate resource id 'a' (first used at line 4)");
    }

    @Test
    void duplicate_yaml_keys() throws IOException {
        Path f = write("dupkey.yaml", "srm: 1\nid: x\nid: y\nresources: []\n");
        assertInputError(evaluate(f), "dupkey.yaml:3:3: duplicate key 'id'");
    }

    @Test
    void duplicate_json_keys() throws IOException {
        Path f = write("dupkey.json", "{\"srm\": 1, \"id\": \"x\", \"id\": \"y\", \"resources\": []}");
        assertInputError(evaluate(f), "dupkey.json:1:", "duplicate key 'id'");
    }

    @Test
    void an_empty_file() throws IOException {
        Path f = write("empty.yaml", "");
        assertInputError(evaluate(f), "empty.yaml: the file is empty");
    }

    @Test
    void a_file_that_is_not_utf8() throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "srm: 1\nid: x\ntitle: caf\u00e9\nresources: []\n".getBytes(StandardCharsets.ISO_8859_1));
        assertInputError(evaluate(f), "latin1.yaml:3: not valid UTF-8");
    }

    @Test
    void a_scenario_id_that_breaks_the_pattern() throws IOException {
        Path f = write("id.yaml", "srm: 1\nid: Not Valid\nresources: []\n");
        assertInputError(evaluate(f), "id.yaml:2:1: /id: expected lower-case letters, digits and dashes");
    }

    @Test
    void the_reserved_resource_id_account() throws IOException {
        Path f = write("acct.yaml", "srm: 1\nid: x\nresources:\n  - id: account\n    service: S3\n");
        assertInputError(evaluate(f), "acct.yaml:4:5: /resources/0/id: 'account' is reserved for account-wide facts");
    }

    @Test
    void an_unsupported_format_version() throws IOException {
        Path f = write("v2.yaml", "srm: 2\nid: x\nresources: []\n");
        assertInputError(evaluate(f), "v2.yaml:1:1: /srm: unsupported format version; expected srm: 1");
    }

    @Test
    void a_byte_order_mark_is_accepted() throws IOException {
        Path f = dir.resolve("bom.json");
        Files.write(f, "\uFEFF{\"srm\": 1, \"id\": \"bom\", \"resources\": []}".getBytes(StandardCharsets.UTF_8));
        assertThat(evaluate(f).code()).isZero();
    }

    @Test
    void a_drl_file_with_a_syntax_error_names_file_and_line() throws IOException {
        Path rules = dir.resolve("rules");
        write("rules/bad.drl", "package custom;\n\nrule \"broken\"\nwhen\n  Foo( \nthen\nend\n");
        Path f = write("ok.yaml", "srm: 1\nid: x\nresources: []\n");
        CliRun run = CliRun.of("evaluate", f.toString(), "--rules", rules.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.clean()).isTrue();
        assertThat(run.err()).startsWith("srm: " + rules.resolve("bad.drl") + ":7: ");
    }

    @Test
    void a_rules_directory_that_does_not_exist() {
        CliRun run = CliRun.of("evaluate", "scenarios/study", "--rules", dir.resolve("none").toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("rules directory does not exist");
    }

    @Test
    void in_a_directory_run_a_broken_file_is_reported_and_the_rest_still_evaluate() throws IOException {
        write("batch/a-good.yaml", "srm: 1\nid: good-one\nresources:\n  - {id: b, service: S3}\n");
        write("batch/b-broken.yaml", "srm: 1\nid: [\n");
        write("batch/c-good.json", "{\"srm\": 1, \"id\": \"good-two\", \"resources\": [{\"id\": \"d\", \"service\": \"DynamoDB\"}]}");
        CliRun run = CliRun.of("evaluate", dir.resolve("batch").toString(), "--format", "json");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("b-broken.yaml:");
        assertThat(run.out()).contains("\"id\": \"good-one\"", "\"id\": \"good-two\"", "b-broken.yaml");
    }

    @Test
    void duplicate_scenario_ids_in_a_batch() throws IOException {
        write("twice/a.yaml", "srm: 1\nid: same\nresources: []\n");
        write("twice/b.yaml", "srm: 1\nid: same\nresources: []\n");
        CliRun run = CliRun.of("evaluate", dir.resolve("twice").toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("b.yaml:/id: duplicate scenario id 'same'");
    }

    @Test
    void usage_errors_exit_2_with_a_hint() {
        CliRun run = CliRun.of("evaluate", "scenarios/study", "--format", "xml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("Try 'srm evaluate --help'");
        assertThat(CliRun.of("evaluate").code()).isEqualTo(2);
        assertThat(CliRun.of("evaluate", "scenarios/study", "--fail-on", "urgent").err())
                .contains("'urgent' is not a severity");
        assertThat(CliRun.of("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void a_rule_pack_that_loops_is_named_as_the_cause_with_the_input_exit_code() throws IOException {
        Path scenario = write("s3.yaml", "srm: 1\nid: one-bucket\nresources:\n  - {id: b, service: S3}\n");
        CliRun run = CliRun.of("evaluate", "--rules", "src/test/resources/serve/looping-rules", scenario.toString());
        assertInputError(run, "srm: " + scenario + ": the rules fired 1000", " times on scenario 'one-bucket' without settling:"
                + " a rule is looping (the last to fire: 'serve-test-loop-forever')", "--rules"); // the bound: 1,000,000 firings and 200 per fact
    }
}
