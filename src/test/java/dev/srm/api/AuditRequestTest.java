package dev.srm.api;

import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An embedder builds an audit request by naming what differs from srm audit's defaults; a request srm audit would refuse is refused. */
class AuditRequestTest {
    private static final List<Path> SCENARIOS = List.of(Path.of("scenarios"));

    @Test
    void a_directory_gets_every_format_on_every_core_with_the_commands_defaults() {
        AuditRequest r = AuditRequest.of(SCENARIOS).toDirectory(Path.of("srm-audit")).build();
        assertThat(r.formats()).containsExactly(AuditFormat.values());
        assertThat(r.outDir()).isEqualTo(Path.of("srm-audit"));
        assertThat(r.stdout()).isNull();
        assertThat(r.jobs()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(r.inputFormat()).isEqualTo(InputFormat.auto);
        assertThat(r.groupBy()).isEqualTo(GroupBy.account);
        assertThat(r.policy()).isEqualTo(PolicyOptions.DEFAULTS);
        assertThat(r.writeBaseline()).isNull();
        assertThat(AuditRequest.toDirectory(SCENARIOS, Path.of("srm-audit"))).isEqualTo(r);
    }

    @Test
    void one_format_goes_to_a_writer_and_the_last_destination_named_wins() {
        StringWriter out = new StringWriter();
        AuditRequest r = AuditRequest.of(SCENARIOS).toDirectory(Path.of("srm-audit")).formats(AuditFormat.sarif).toWriter(out)
                .jobs(1).groupBy(GroupBy.account_region).inputFormat(InputFormat.config).build();
        assertThat(r.outDir()).isNull();
        assertThat(r.stdout()).isSameAs(out);
        assertThat(r.formats()).containsExactly(AuditFormat.sarif);
        assertThat(r.jobs()).isEqualTo(1);
        assertThat(r.groupBy()).isEqualTo(GroupBy.account_region);
        assertThat(r.inputFormat()).isEqualTo(InputFormat.config);
    }

    @Test
    void requests_srm_audit_would_refuse_are_usage_errors() {
        assertThatThrownBy(() -> AuditRequest.of(SCENARIOS).build()).isInstanceOfSatisfying(SrmException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE)).hasMessageContaining("reports go to a directory");
        assertThatThrownBy(() -> AuditRequest.of(SCENARIOS).formats(AuditFormat.json, AuditFormat.csv).toWriter(new StringWriter())
                .build()).isInstanceOf(SrmException.class).hasMessageContaining("only a single format");
        assertThatThrownBy(() -> AuditRequest.of(SCENARIOS).toDirectory(Path.of("o")).jobs(0).build())
                .isInstanceOf(SrmException.class).hasMessageContaining("jobs must be at least 1");
        assertThatThrownBy(() -> AuditRequest.of(List.of(Path.of("-"), Path.of("-"))).toDirectory(Path.of("o")).build())
                .isInstanceOf(SrmException.class).hasMessageContaining("named only once");
        assertThatThrownBy(() -> AuditRequest.of(SCENARIOS).formats(List.of()).toDirectory(Path.of("o")).build())
                .isInstanceOf(SrmException.class).hasMessageContaining("no report format");
    }
}
