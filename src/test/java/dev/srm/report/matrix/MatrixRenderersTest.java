package dev.srm.report.matrix;

import dev.srm.model.Responsibility;
import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.Comparison;
import dev.srm.model.matrix.Crm;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Matrix;
import dev.srm.model.matrix.Move;
import dev.srm.model.matrix.Row;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every renderer escapes what it echoes, and shows the duties of a layer when the engine gives them. */
class MatrixRenderersTest {
    private static final String HOSTILE = "<script>alert(1)</script> | =cmd() *x* \u001b[31m\nnext";

    private static Matrix matrix() {
        Cell shared = new Cell("guest-os-and-app-patching", Responsibility.SHARED, "r1", HOSTILE, "javascript:alert(1)",
                List.of(new Duty("runtime-patching", "AWS", "d1", "AWS patches the runtime", "https://example.com/a"),
                        new Duty("application-and-dependency-patching", "CUSTOMER", "d2", HOSTILE, null)));
        Cell aws = new Cell("physical-infrastructure", Responsibility.AWS, "r0", "AWS", "https://aws.amazon.com/x", List.of());
        Row row = new Row(HOSTILE, "Lambda", "zip", "AWS::Lambda::Function", "SERVERLESS", "LOW", "c", HOSTILE, Map.of("K", HOSTILE),
                List.of(aws, shared), List.of(new ControlRef("c1", "=SUM(A1)", "iam-access-control", "HIGH", List.of("S3.8"), List.of(), null)),
                List.of("Config"));
        return new Matrix(List.of("physical-infrastructure", "guest-os-and-app-patching"), List.of(row, row), List.of());
    }

    private static String render(MatrixFormat f) throws Exception {
        StringWriter w = new StringWriter();
        f.render(matrix(), w);
        return w.toString();
    }

    @Test
    void html_escapes_input_links_only_http_and_lists_the_duties_under_a_shared_cell() throws Exception {
        String html = render(MatrixFormat.html);
        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:").doesNotContain("\u001b")
                .contains("&lt;script&gt;").contains("<ul class=\"duties\"><li>runtime-patching: AWS</li>");
    }

    @Test
    void markdown_csv_and_text_keep_input_inert_and_on_one_line() throws Exception {
        String md = render(MatrixFormat.markdown);
        assertThat(md).doesNotContain("<script>").contains("\\<script\\>").contains("\\| =cmd() \\*x\\*").doesNotContain("\u001b")
                .doesNotContain("\nnext");
        String csv = render(MatrixFormat.csv);
        assertThat(csv).contains(",duty,").contains("runtime-patching").startsWith(String.join(",", MatrixCsv.HEADER) + "\r\n\"<script>")
                .contains(",'=SUM(A1),");
        String text = render(MatrixFormat.text);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\nnext").contains("- runtime-patching").contains("A  S");
    }

    @Test
    void a_comparison_sorts_moves_by_direction() throws Exception {
        Row from = matrix().rows().get(0);
        Move m = new Move("guest-os-and-app-patching", null, "CUSTOMER", "AWS", Move.Direction.of("CUSTOMER", "AWS"), HOSTILE, "r", null);
        Comparison c = new Comparison(from, from, List.of(m), List.of(), List.of(), List.of(), List.of("Lambda"), List.of(), List.of());
        StringWriter w = new StringWriter();
        CompareFormat.markdown.render(c, w);
        assertThat(w.toString()).contains("## Moves to AWS (the customer does less)\n\n| layer / duty |").doesNotContain("<script>");
        assertThat(Move.Direction.of("AWS", "SHARED")).isEqualTo(Move.Direction.TO_CUSTOMER);
        assertThat(Move.Direction.of("UNKNOWN", "AWS")).isEqualTo(Move.Direction.OTHER);
    }

    @Test
    void the_crm_page_and_its_markdown_and_csv_keep_input_inert() throws Exception {
        Crm.ControlLine line = new Crm.ControlLine("c1", HOSTILE, "iam-access-control", Map.of("MISSING", 1), List.of("S3"));
        Crm.LayerLine layer = new Crm.LayerLine("iam-access-control", Map.of("CUSTOMER", 1),
                List.of(new Duty("bucket-policy", "CUSTOMER", "d1", HOSTILE, "javascript:alert(1)")));
        Crm.Requirement r = new Crm.Requirement(HOSTILE, Crm.Share.CUSTOMER, "MISSING\"><script>", List.of(line), List.of(layer));
        Crm crm = new Crm(HOSTILE, 1, 1, List.of(HOSTILE), List.of(new Crm.Framework("cis-aws", HOSTILE, "https://example.com", List.of(r))),
                List.of());
        StringWriter html = new StringWriter();
        CrmFormat.html.render(crm, html);
        assertThat(html.toString()).doesNotContain("<script>").doesNotContain("javascript:").doesNotContain("\u001b")
                .contains("&lt;script&gt;").contains("st-missing&quot;&gt;&lt;script&gt;");
        StringWriter md = new StringWriter();
        CrmFormat.markdown.render(crm, md);
        assertThat(md.toString()).doesNotContain("<script>").doesNotContain("\u001b");
        StringWriter csv = new StringWriter();
        CrmFormat.csv.render(crm, csv);
        assertThat(csv.toString()).as("RFC 4180: the value is one quoted field").contains(",\"MISSING\"\"><script>\",");
    }
}
