package dev.srm.spark;

import dev.srm.api.EvaluateRequest;
import dev.srm.api.SrmOptions;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The core's results survive the trip through Spark rows unchanged, whatever fields they have. */
class RecordRowsTest {
    @Test
    void an_evaluation_with_explanations_comes_back_equal() {
        Path scenarios = Path.of(System.getProperty("srm.scenarios", "../scenarios"), "study");
        List<Evaluation> evaluations = Packs.get(SrmOptions.bundled())
                .evaluate(new EvaluateRequest(List.of(scenarios), null, true)).evaluations();
        assertThat(evaluations).isNotEmpty();
        for (Evaluation e : evaluations) {
            Row row = RecordRows.row(e);
            assertThat(RecordRows.record(row, Evaluation.class)).isEqualTo(e);
        }
        assertThat(evaluations.stream().flatMap(e -> e.findings().stream()).map(FindingResult::explanation))
                .anyMatch(x -> !x.isEmpty());
    }

    @Test
    void the_schema_follows_the_records() {
        StructType finding = RecordRows.schema(FindingResult.class);
        assertThat(finding.fieldNames()).containsExactly("id", "rule", "severity", "resource", "layer", "owner", "layerParty", "title",
                "remediation", "integrations", "source", "securityHub", "explanation", "fingerprint", "status", "waiver", "novelty");
        assertThat(finding.apply("severity").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(finding.apply("securityHub").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType, true));
    }
}
