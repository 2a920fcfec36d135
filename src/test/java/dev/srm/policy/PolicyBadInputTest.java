package dev.srm.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waivers file or a baseline that cannot be used: one line per problem, naming the file, the
 * line:column and pointer, and what was expected; exit 3; no stack trace. A waiver whose date has
 * passed is not an error: it is reported expired.
 */
class PolicyBadInputTest {
    private static final String SCENARIO = "scenarios/waivers/orders.yaml";

    private static SrmRun withWaivers(String yaml) throws IOException {
        Path file = SrmRun.temp("srm-bad-waivers-").resolve("waivers.yaml");
        Files.writeString(file, yaml);
        SrmRun run = SrmRun.of("evaluate", SCENARIO, "--waivers", file.toString(), "--as-of", "2030-06-01");
        return new SrmRun(run.code(), run.out(), run.err().replace(file.toString(), "waivers.yaml"));
    }

    private static final String ENTRY = """
            srmWaivers: 1
            waivers:
              - control: rds-backup-retention
                resource: orders-db
                reason: Restores come from the nightly dump
                owner: data-platform
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "missing expires|''|srm: waivers.yaml:3:5: /waivers/0: no expires; every waiver needs the last day it applies (expires: 2030-06-30)",
            "malformed date|    expires: 2030-02-30\\n|srm: waivers.yaml:7:5: /waivers/0/expires: '2030-02-30' is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)",
            "a year past four digits, a waiver that never ends|    expires: +99999-01-01\\n|srm: waivers.yaml:7:5: /waivers/0/expires: '+99999-01-01' is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)",
            "a month of one digit|    expires: 2030-6-30\\n|srm: waivers.yaml:7:5: /waivers/0/expires: '2030-6-30' is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)",
            "unknown field|    expires: 2030-06-30\\n    expiry: 2030-06-30\\n|srm: waivers.yaml:8:5: /waivers/0/expiry: unknown field 'expiry'; a waiver has control, scenario, resource, tags, reason, owner, expires and ticket",
    })
    void a_bad_waiver_is_one_line_with_its_place(String name, String more, String expected) throws IOException {
        SrmRun run = withWaivers(ENTRY + more.replace("\\n", "\n"));
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo(expected);
        assertThat(run.out()).isEmpty();
        assertThat(run.clean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+999999999-12-31", "-2030-06-01", "2030-6-1", "2030-06-31", "20300601"})
    void an_as_of_that_is_not_yyyy_mm_dd_is_a_usage_error(String day) {
        for (String[] args : new String[][] {{"evaluate", SCENARIO, "--as-of", day}, {"triage", "--service", "S3", "--kind", "data-exposure",
                "--as-of", day}}) {
            SrmRun run = SrmRun.of(args);
            assertThat(run.code()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines().findFirst()).hasValue("srm: Invalid value for option '--as-of': '" + day
                    + "' is not a date (expected YYYY-MM-DD, e.g. 2030-06-30)");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void a_yaml_tag_is_refused_not_read_as_the_text_after_it() throws IOException {
        SrmRun run = withWaivers(ENTRY.replace("resource: orders-db", "resource: !Ref orders-db") + "    expires: 2030-06-30\n");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: waivers.yaml:4:15: /waivers/0/resource: a YAML tag (!Ref) is not allowed in a"
                + " waivers file (srmWaivers: 1, waivers: [...]); write the value itself");
        SrmRun core = withWaivers(ENTRY + "    expires: !!timestamp 2030-06-30\n");
        assertThat(core.code()).as(core.err()).isEqualTo(3);
        assertThat(core.err().strip()).isEqualTo("srm: waivers.yaml:7:14: /waivers/0/expires: a YAML tag (!!timestamp) is not allowed in a"
                + " waivers file (srmWaivers: 1, waivers: [...]); write the value itself");
    }

    @Test
    void a_second_document_is_refused_not_dropped() throws IOException {
        SrmRun run = withWaivers(ENTRY + "    expires: 2030-06-30\n---\nsrmWaivers: 1\nwaivers: []\n");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: waivers.yaml:9:1: a second YAML document (after ---); expected one document,"
                + " a waivers file (srmWaivers: 1, waivers: [...])");
    }

    @Test
    void a_reason_or_owner_of_white_space_only_is_refused() throws IOException {
        SrmRun run = withWaivers(ENTRY.replace("reason: Restores come from the nightly dump", "reason: '   '") + "    expires: 2030-06-30\n");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: waivers.yaml:5:5: /waivers/0/reason: only white space; expected words: a waiver's"
                + " reason and owner are read by an auditor");
    }

    @Test
    void a_pattern_that_names_no_control_is_an_error_with_a_suggestion() throws IOException {
        SrmRun run = withWaivers(ENTRY.replace("rds-backup-retention", "rds-backup-retension") + "    expires: 2030-06-30\n");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: waivers.yaml:3:5: /waivers/0/control: 'rds-backup-retension' matches no control or rule"
                + " id of the rule pack; expected an id that srm rules list shows (did you mean rds-backup-retention?)");
    }

    @Test
    void a_duplicate_entry_names_the_first_one() throws IOException {
        String entry = ENTRY.substring(ENTRY.indexOf("  - control")) + "    expires: 2030-06-30\n";
        SrmRun run = withWaivers(ENTRY + "    expires: 2030-06-30\n" + entry);
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: waivers.yaml:8:5: /waivers/1: duplicate waiver: the same control, scenario, resource"
                + " and tags as the one at 3:5; merge them into one entry");
    }

    @Test
    void every_problem_of_a_file_is_reported_not_only_the_first() throws IOException {
        SrmRun run = withWaivers(ENTRY + "    expires: soon\n  - control: s3-versioning\n    reason: x\n    owner: y\n");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().lines().toList()).containsExactly(
                "srm: waivers.yaml:7:5: /waivers/0/expires: 'soon' is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)",
                "srm: waivers.yaml:8:5: /waivers/1: no expires; every waiver needs the last day it applies (expires: 2030-06-30)");
    }

    @Test
    void a_date_already_past_is_not_an_error_but_an_expired_waiver() throws IOException {
        SrmRun run = withWaivers(ENTRY + "    expires: 2020-01-31\n");
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("waivers.yaml:3:5: waiver of rds-backup-retention (owner data-platform) expired on 2020-01-31");
        assertThat(run.out()).contains("waiver expired on 2020-01-31 by data-platform");
    }

    @Test
    void a_bad_as_of_date_is_a_usage_error() {
        SrmRun run = SrmRun.of("evaluate", SCENARIO, "--as-of", "01/06/2030");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'01/06/2030' is not a date (expected YYYY-MM-DD, e.g. 2030-06-30)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a scenario, not a report|srm: 1\\nid: x\\nresources: []\\n|srm: base.json:1:1: /: not an srm report (no evaluations, no scenario and findings); expected a JSON report of srm (audit.json, --write-baseline, or srm evaluate --format json)",
            "another version|{\"srmReport\": 2, \"evaluations\": []}|srm: base.json:1:2: /srmReport: report format version 2 is not one this srm reads; expected srmReport: 1 (write the report again with this srm)",
            "a stray bracket after the report|{\"srmReport\": 1, \"evaluations\": []}]|srm: base.json:1:36: not valid JSON (Unexpected close marker ']': no open Array to close); expected a JSON report of srm (audit.json, --write-baseline, or srm evaluate --format json)",
            "broken JSON|{\"evaluations\": [|srm: base.json:1:18: not valid JSON (Unexpected end-of-input: expected close marker for Array); expected a JSON report of srm (audit.json, --write-baseline, or srm evaluate --format json)",
    })
    void a_baseline_that_is_not_an_srm_report_is_one_line(String name, String content, String expected) throws IOException {
        Path file = SrmRun.temp("srm-bad-baseline-").resolve("base.json");
        Files.writeString(file, content.replace("\\n", "\n"));
        SrmRun run = SrmRun.of("audit", SCENARIO, "--format", "json", "--baseline", file.toString(), "--no-progress");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip().replace(file.toString(), "base.json")).isEqualTo(expected);
        assertThat(run.clean()).isTrue();
        SrmRun diff = SrmRun.of("diff", file.toString(), file.toString());
        assertThat(diff.code()).isEqualTo(3);
    }
}
