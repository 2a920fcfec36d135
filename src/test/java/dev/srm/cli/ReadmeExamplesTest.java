package dev.srm.cli;

import dev.srm.testing.Golden;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.report.audit.AuditFormat;
import dev.srm.run.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's printed examples are what srm prints today, so they cannot drift as rules and
 * scenarios change: the totals that end {@code ./srm evaluate scenarios/}, the summary lines of
 * its {@code ./srm audit} examples, and the {@code --explain} excerpt (where "..." stands for
 * text the README leaves out). With {@code -Dsrm.golden.update=true} the README's lines are
 * rewritten from what srm prints; review the diff.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("README.md");
    private static final boolean UPDATE = Golden.UPDATE;
    /** The day README's numbers are as of (runtimes and engines past their end of support add findings as days pass). */
    private static final String DAY = "2026-12-02";

    @TempDir
    Path tmp;

    @Test
    void the_main_commands_totals_are_what_it_prints() throws IOException {
        CliRun run = CliRun.of("evaluate", "scenarios/", "--as-of", DAY);
        assertThat(run.code()).isEqualTo(4);
        List<String> tail = run.out().lines().filter(l -> l.startsWith("Totals:") || l.startsWith("Exit ")).toList();
        assertThat(tail).as("the text report ends with its totals and the reason for the exit code").hasSize(2);
        shown("    ./srm evaluate scenarios/\n\nends with the totals and the reason for its exit code (as of " + DAY + "):\n\n", tail);
    }

    @Test
    void the_audit_summaries_are_what_srm_audit_prints() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int checked = 0;
        for (String command : List.of("./srm audit scenarios/ --out report --format html --format sarif --format junit",
                "./srm audit src/test/resources/templates --out report --fail-on none")) {
            assertThat(readme).contains("    " + command + "\n");
            List<String> args = new ArrayList<>(List.of(command.substring("./srm ".length()).split(" ")));
            args.addAll(List.of("--as-of", DAY));
            args.set(args.indexOf("--out") + 1, tmp.resolve("report-" + checked).toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.clean()).isTrue();
            String summary = run.err().lines().filter(l -> l.startsWith("srm audit: ") && !l.startsWith("srm audit: wrote"))
                    .findFirst().orElseThrow();
            String after = readme.substring(readme.indexOf("    " + command + "\n"));
            String shownLine = after.lines().filter(l -> l.startsWith("    srm audit: ")).findFirst().orElseThrow().substring(4);
            if (UPDATE && !shownLine.equals(summary)) {
                readme = readme.replace("    " + shownLine + "\n", "    " + summary + "\n");
                Files.writeString(README, readme, StandardCharsets.UTF_8);
                shownLine = summary;
            }
            assertThat(shownLine).as("README's summary after `%s`", command).isEqualTo(summary);
            checked++;
        }
    }

    @Test
    void the_explain_excerpt_is_a_cut_of_what_explain_prints() throws IOException {
        excerptIsACut("`--explain` prints the chain behind each conclusion, down to the setting it read:\n\n",
                "evaluate", "scenarios/study/s3-public-bucket.yaml", "--explain");
    }

    @Test
    void the_undecided_condition_excerpt_is_a_cut_of_what_srm_prints() throws IOException {
        String template = "src/test/resources/templates-conditions/orders-platform.yaml";
        excerptIsACut("    ./srm evaluate " + template + "\n\nprints, among the rest:\n\n", "evaluate", template);
    }

    /**
     * The indented block after {@code intro} in README is a cut of what srm prints for {@code args}:
     * its lines appear in order, with " ..." for text the README leaves out.
     */
    private static void excerptIsACut(String intro, String... args) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme).contains(intro);
        List<String> excerpt = readme.substring(readme.indexOf(intro) + intro.length()).lines().takeWhile(l -> l.startsWith("    "))
                .map(l -> l.substring(4)).toList();
        assertThat(excerpt).hasSizeGreaterThan(3);
        List<String> actual = CliRun.of(args).out().lines().toList();
        int at = 0;
        for (String line : excerpt) {
            Pattern p = Pattern.compile(java.util.Arrays.stream(line.split(" \\.\\.\\.", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + " .*" + b).orElse("") + (line.endsWith(" ...") ? ".*" : ""));
            while (at < actual.size() && !p.matcher(actual.get(at)).matches()) {
                at++;
            }
            assertThat(at).as("README's line after %s, in order, with ' ...' for what it leaves out: %s", String.join(" ", args), line)
                    .isLessThan(actual.size());
            at++;
        }
    }

    /**
     * The "Embedding" example is {@link EmbeddingExample}'s code, byte for byte, so it compiles
     * against the facade; run, it answers as the commands do for the same inputs.
     */
    @Test
    void the_embedding_example_is_compiled_code_that_answers_as_the_commands_do() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int from = readme.indexOf("```java\n", readme.indexOf("## Embedding")) + "```java\n".length();
        String shownCode = readme.substring(from, readme.indexOf("```\n", from));
        String example = Files.readString(Path.of("src/test/java/dev/srm/cli/EmbeddingExample.java"), StandardCharsets.UTF_8);
        String region = example.substring(example.indexOf("// README begin\n") + "// README begin\n".length(),
                example.indexOf("        // README end"));
        String code = region.lines().map(l -> l.substring(8) + "\n").reduce("", String::concat);
        if (UPDATE && !shownCode.equals(code)) {
            Files.writeString(README, readme.substring(0, from) + code + readme.substring(from + shownCode.length()), StandardCharsets.UTF_8);
            shownCode = code;
        }
        assertThat(shownCode).as("README's embedding example").isEqualTo(code);
        assertThat(shownCode.lines().count()).as("the facade in under 15 lines").isLessThan(15);

        EmbeddingExample.Answers answers = EmbeddingExample.run();
        try {
            CliRun evaluate = CliRun.of("evaluate", "scenarios/services/rds-custom.yaml", "--format", "json");
            assertThat(answers.code()).as("the exit code srm evaluate gives").isEqualTo(evaluate.code());
            ObjectMapper mapper = new ObjectMapper();
            JsonNode json = mapper.readTree(evaluate.out());
            List<String> cli = new ArrayList<>();
            json.findValues("findings").forEach(fs -> fs.forEach(f -> cli.add(f.get("owner").asText() + " must act: "
                    + f.get("title").asText() + " on " + f.get("resource").asText())));
            List<String> api = new ArrayList<>();
            answers.result().evaluations().forEach(e -> e.findings().forEach(f -> api.add(f.owner() + " must act: " + f.title()
                    + " on " + f.resource())));
            assertThat(api).as("the findings the example prints, owner, title and resource").isNotEmpty().containsExactlyElementsOf(cli);

            CliRun triage = CliRun.of("triage", "--service", "RDS", "--kind", "unpatched-vulnerability", "--format", "json");
            String owner = mapper.readTree(triage.out()).findValue("owner").asText();
            assertThat(answers.triage().triages()).hasSize(1);
            assertThat(answers.triage().triages().get(0).owner().name()).as("the owner srm triage names").isEqualTo(owner);

            assertThat(answers.audit().written()).as("one report per format").hasSize(AuditFormat.values().length)
                    .allSatisfy(f -> assertThat(f).isRegularFile());
            assertThat(answers.audit().portfolio().totals().scenarios()).as("every scenario file of scenarios/services")
                    .isEqualTo(ScenarioFiles.expand(List.of(Path.of("scenarios/services"))).files().size());
        } finally {
            for (Path f : answers.audit().written()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(answers.audit().written().get(0).getParent());
        }
    }

    /** README holds {@code lead} followed by {@code lines} as an indented block (rewritten in update mode). */
    private static void shown(String lead, List<String> lines) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String block = lead + String.join("\n", lines.stream().map(l -> "    " + l).toList()) + "\n";
        if (UPDATE && !readme.contains(block) && readme.contains(lead)) {
            int from = readme.indexOf(lead) + lead.length();
            int end = from;
            while (end < readme.length() && readme.startsWith("    ", end)) {
                end = readme.indexOf('\n', end) + 1;
            }
            readme = readme.substring(0, readme.indexOf(lead)) + block + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
        }
        assertThat(readme).contains(block);
    }
}
