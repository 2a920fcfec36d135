package dev.srm.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property CloudFormation's schema declares Integer or Double is read as a number and as nothing
 * else: {@code BackupRetentionPeriod: seven} is no period at all (CloudFormation rejects the
 * template), so RDS.11's "at least 7 days" is UNKNOWN with a warning saying what was found, never
 * MISSING as if the customer had chosen a shorter period. A number written as a string is a number.
 */
class NumberValuesTest {
    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Orders database (PostgreSQL, Multi-AZ)
            Resources:
              OrdersDatabase:
                Type: AWS::RDS::DBInstance
                DeletionPolicy: Snapshot
                UpdateReplacePolicy: Snapshot
                Properties:
                  DBInstanceIdentifier: orders-db
                  Engine: postgres
                  EngineVersion: '16.4'
                  DBInstanceClass: db.m6g.large
                  AllocatedStorage: '100'
                  StorageEncrypted: true
                  MultiAZ: true
                  MasterUsername: orders_admin
                  ManageMasterUserPassword: true
                  BackupRetentionPeriod: %s
                  PubliclyAccessible: false
            """;

    private static final String CONTROL = "rds-backup-retention";

    private JsonNode evaluate(Path file) throws IOException {
        Run run = Run.of("evaluate", file.toString(), "--format", "json", "--fail-on", "none");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.clean()).as(run.toString()).isTrue();
        return new ObjectMapper().readTree(run.out());
    }

    private static JsonNode control(JsonNode evaluation) {
        for (JsonNode r : evaluation.path("resources")) {
            for (JsonNode c : r.path("controls")) {
                if (r.path("id").asText().equals("OrdersDatabase") && c.path("id").asText().equals(CONTROL)) {
                    return c;
                }
            }
        }
        throw new AssertionError(CONTROL + " not evaluated on OrdersDatabase");
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void a_word_for_a_number_is_unknown_with_a_warning_never_a_short_period() throws IOException {
        for (String v : new String[] {"seven", "'7 days'", "one-week"}) {
            Path file = dir.resolve("orders-db.yaml");
            Files.writeString(file, TEMPLATE.formatted(v));
            JsonNode e = evaluate(file);
            String found = v.replace("'", "");
            assertThat(control(e).path("status").asText()).as(v).isEqualTo("UNKNOWN");
            assertThat(texts(control(e).path("evidence"))).as(v).anyMatch(t -> t.contains("expected a number, found '" + found + "'"));
            assertThat(texts(e.path("warnings"))).as(v).contains(file + ":4: resource 'OrdersDatabase': AWS::RDS::DBInstance"
                    + " /BackupRetentionPeriod: expected a number, found '" + found + "'; controls that read it are UNKNOWN");
            assertThat(e.path("findings").findValuesAsText("rule")).as(v).doesNotContain(CONTROL);
        }
    }

    @Test
    void numbers_plain_or_quoted_are_compared_as_numbers() throws IOException {
        String[][] cases = {{"7", "MET"}, {"'14'", "MET"}, {"' 35 '", "MET"}, {"1", "MISSING"}, {"'0'", "MISSING"}};
        for (String[] c : cases) {
            Path file = dir.resolve("orders-db.yaml");
            Files.writeString(file, TEMPLATE.formatted(c[0]));
            JsonNode e = evaluate(file);
            assertThat(control(e).path("status").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(texts(e.path("warnings"))).as(c[0]).noneMatch(w -> w.contains("expected a number"));
        }
    }
}
