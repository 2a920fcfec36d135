package dev.srm.cli;

import dev.srm.report.audit.AuditFormat;
import dev.srm.input.Format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The audit test corpus (src/test/resources/audit-corpus) and its reports, written once per
 * test JVM by a real {@code srm audit} run into a temporary directory.
 */
final class AuditCorpus {
    static final String DIR = "src/test/resources/audit-corpus";
    static final Path GOLDEN = Path.of("src/test/resources/golden/audit");

    /** A finished audit: what the CLI returned and the bytes of every report. */
    record Run(CliRun cli, Path out, Map<AuditFormat, byte[]> reports) {
        /** stderr with the temporary output directory replaced by OUT. */
        String err() {
            return cli.err().replace(out.toString(), "OUT");
        }

        String report(AuditFormat f) {
            return new String(reports.get(f), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Run corpus;

    private AuditCorpus() {
    }

    /** The whole corpus audited with --jobs 2 into a temporary directory, every format. */
    static synchronized Run corpus() {
        if (corpus == null) {
            corpus = audit(2, DIR);
        }
        return corpus;
    }

    /** The day the corpus is judged on: lifecycle verdicts (a runtime past its end of support) depend on it. */
    static final String AS_OF = "2026-12-01";

    /** Audits the inputs into a fresh temporary directory and reads every report back. */
    static Run audit(int jobs, String... inputs) {
        try {
            Path out = Files.createTempDirectory("srm-audit-");
            String[] args = Stream.concat(Stream.of("audit", "--out", out.toString(), "--jobs", Integer.toString(jobs),
                    "--fail-on", "none", "--no-progress", "--as-of", AS_OF), Stream.of(inputs)).toArray(String[]::new);
            CliRun cli = CliRun.of(args);
            Map<AuditFormat, byte[]> reports = new EnumMap<>(AuditFormat.class);
            for (AuditFormat f : AuditFormat.values()) {
                Path file = out.resolve(f.fileName());
                if (Files.exists(file)) {
                    reports.put(f, Files.readAllBytes(file));
                }
            }
            return new Run(cli, out, reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scenario file of the corpus, as a directory walk names it, in sorted order. */
    static List<String> files() {
        try (Stream<Path> walk = Files.walk(Path.of(DIR))) {
            return walk.filter(Files::isRegularFile).filter(p -> Format.isScenarioName(p.getFileName().toString()))
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
