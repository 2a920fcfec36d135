package dev.srm.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Accepting a risk" and "Failing only on new findings" examples are what srm prints. */
class ReadmeWaiversTest {
    private static final String README = SrmRun.read(Path.of("README.md"));

    @Test
    void the_waiver_shown_is_the_first_of_the_example_file() {
        String file = SrmRun.read(Path.of(WaiverReportsTest.EXAMPLE, "srm-waivers.yaml"));
        String first = file.substring(file.indexOf("srmWaivers: 1"), file.indexOf("  - control: \"s3-*\""));
        assertThat(README).contains("```yaml\n" + first + "```");
    }

    @Test
    void the_evaluate_example_prints_what_the_readme_shows() {
        SrmRun run = SrmRun.of("evaluate", WaiverReportsTest.EXAMPLE + "/", "--as-of", WaiverReportsTest.AS_OF);
        assertThat(run.code()).isZero();
        String[] lines = run.out().lines().toArray(String[]::new);
        String shown = README.substring(README.indexOf("    ./srm evaluate scenarios/waivers/ --as-of 2030-06-01"));
        shown = shown.substring(shown.indexOf("```\n") + 4, shown.indexOf("\n```", shown.indexOf("```\n") + 4));
        for (String line : shown.lines().toList()) {
            if (line.startsWith("warning: ")) {
                assertThat(run.err()).contains(line);
            } else {
                assertThat(lines).contains(line);
            }
        }
    }

    @Test
    void the_baseline_example_prints_what_the_readme_shows() {
        Path dir = SrmRun.temp("srm-readme-baseline-");
        String baseline = dir.resolve("baseline.json").toString();
        SrmRun first = SrmRun.of("audit", BaselineTest.V1, "--out", dir.resolve("one").toString(), "--write-baseline", baseline,
                "--fail-on", "none", "--no-progress");
        assertThat(first.code()).isZero();
        SrmRun second = SrmRun.of("audit", BaselineTest.V2, "--out", dir.resolve("two").toString(), "--baseline", baseline,
                "--fail-on-new", "high", "--no-progress");
        assertThat(second.code()).isEqualTo(4);
        String summary = second.err().lines().filter(l -> l.startsWith("srm audit: 2 scenarios")).findFirst().orElseThrow();
        assertThat(README).contains("```\n" + summary + "\n```");
    }

    @Test
    void the_diff_example_is_in_the_golden_diff() {
        String shown = README.substring(README.indexOf("Layers whose party changed ("));
        shown = shown.substring(0, shown.indexOf("\n```"));
        assertThat(SrmRun.read(SrmRun.GOLDEN.resolve("diff-migration.txt"))).contains(shown);
    }
}
