package dev.srm.cli;

import dev.srm.api.AuditRequest;
import dev.srm.api.AuditResult;
import dev.srm.api.EvaluateRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;
import dev.srm.api.TriageRequest;
import dev.srm.api.TriageResult;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's "Embedding" example as code that compiles against the facade: the README shows
 * the lines between the markers, byte for byte, and {@link ReadmeExamplesTest} runs them.
 */
final class EmbeddingExample {
    record Answers(EvaluateResult result, int code, TriageResult triage, AuditResult audit) {
    }

    private EmbeddingExample() {
    }

    static Answers run() throws IOException {
        // README begin
        Srm srm = Srm.load(SrmOptions.bundled());                        // once per process
        EvaluateResult result = srm.evaluate(EvaluateRequest.of(Path.of("scenarios/services/rds-custom.yaml")));
        for (Evaluation e : result.evaluations()) {
            for (FindingResult f : e.findings()) {
                System.out.println(f.owner() + " must act: " + f.title() + " on " + f.resource());
            }
        }
        int code = result.exitCode(Severity.HIGH).code();                // 0, 3 or 4, as srm evaluate exits
        TriageResult t = srm.triage(TriageRequest.builder().service("RDS").kind("unpatched-vulnerability").build());
        Path reports = Files.createTempDirectory("srm-audit");           // every format, as srm audit writes them
        AuditResult audit = srm.audit(AuditRequest.of(List.of(Path.of("scenarios/services"))).toDirectory(reports).build());
        // README end
        return new Answers(result, code, t, audit);
    }
}
