package dev.srm.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which values a lifecycle entry counts as older versions: plain version numbers only, part by part. */
class LifecycleVersionOrderTest {
    private static LifecycleVersion entry(String version) {
        return new LifecycleVersion("rds-postgresql", Lifecycle.Match.PREFIX, version, "postgres", LocalDate.of(2022, 4, 30), null,
                "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html", "test:1");
    }

    @Test
    void older_numbers_precede_part_by_part_not_as_text() {
        assertThat(entry("9.6").precededBy("9.3.25")).isTrue();
        assertThat(entry("1.18").precededBy("1.14")).as("14 < 18, though '1.14' > '1.1' as text").isTrue();
        assertThat(entry("10").precededBy("9.6.24")).isTrue();
        assertThat(entry("1.18").precededBy("1.2")).as("minor 2 before 18").isTrue();
    }

    @Test
    void the_entry_itself_newer_values_and_non_numbers_do_not_precede() {
        assertThat(entry("9.6").precededBy("9.6.24")).as("fits the entry").isFalse();
        assertThat(entry("9.6").precededBy("9.6")).isFalse();
        assertThat(entry("9.6").precededBy("16.4")).isFalse();
        assertThat(entry("5.7").precededBy("5.6.mysql_aurora.1.22")).as("not a plain number").isFalse();
        assertThat(entry("OpenSearch_1.0").precededBy("0.9")).isFalse();
        assertThat(entry("9.6").precededBy("")).isFalse();
        assertThat(entry("9.6").precededBy(null)).isFalse();
        assertThat(entry("9.6").precededBy("99999999999999999999.1")).as("too long to be a version number").isFalse();
    }
}
