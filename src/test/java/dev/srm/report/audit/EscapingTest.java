package dev.srm.report.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each format escapes what it echoes from input so that it stays the text it is. */
class EscapingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "plain text          | plain text",
            "=1+2                | '=1+2",
            "+cmd                | '+cmd",
            "-2+3                | '-2+3",
            "@SUM(A1)            | '@SUM(A1)",
            "a,b                 | ~\"a,b\"~",
            "say \"hi\"          | ~\"say \"\"hi\"\"\"~",
            "~=HYPERLINK(\"x\")~ | ~\"'=HYPERLINK(\"\"x\"\")\"~",
    })
    void csv_cells_defuse_formulas_and_quote_per_rfc_4180(String value, String expected) {
        assertThat(CsvAuditRenderer.cell(value)).isEqualTo(expected);
    }

    @Test
    void csv_cells_with_tab_cr_or_line_breaks() {
        assertThat(CsvAuditRenderer.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvAuditRenderer.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvAuditRenderer.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvAuditRenderer.cell("")).isEmpty();
        assertThat(CsvAuditRenderer.cell(null)).isEmpty();
        assertThat(CsvAuditRenderer.cell("a-b=c")).as("only a leading sign is a formula").isEqualTo("a-b=c");
    }

    @Test
    void html_escapes_markup_and_both_quotes() {
        assertThat(HtmlAuditRenderer.h("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(HtmlAuditRenderer.h("\" onmouseover='x' & y")).isEqualTo("&quot; onmouseover=&#39;x&#39; &amp; y");
        assertThat(HtmlAuditRenderer.h("bell\u0007")).isEqualTo("bell\uFFFD");
        assertThat(HtmlAuditRenderer.h(null)).isEmpty();
    }

    @Test
    void xml_escapes_attributes_text_and_characters_xml_cannot_hold() {
        assertThat(JunitAuditRenderer.attr("a\"b'<c>&\n")).isEqualTo("a&quot;b&apos;&lt;c&gt;&amp;&#10;");
        assertThat(JunitAuditRenderer.text("a\"b'<c>&\n")).isEqualTo("a\"b'&lt;c&gt;&amp;\n");
        assertThat(JunitAuditRenderer.text("nul\u0000 and \uD83D\uDE00")).isEqualTo("nul\uFFFD and \uD83D\uDE00");
        assertThat(JunitAuditRenderer.text("]]>")).isEqualTo("]]&gt;");
    }

    @Test
    void markdown_text_renders_as_itself() {
        assertThat(MarkdownAuditRenderer.md("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(MarkdownAuditRenderer.md("a | b")).isEqualTo("a \\| b");
        assertThat(MarkdownAuditRenderer.md("*bold* _it_ [link](x) `code` #h ![i]")).isEqualTo(
                "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\#h \\!\\[i\\]");
        assertThat(MarkdownAuditRenderer.md("two\nlines")).isEqualTo("two lines");
        assertThat(MarkdownAuditRenderer.md("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void sarif_uris_are_uri_references() {
        assertThat(SarifAuditRenderer.artifact("scenarios/a b/x.yaml").path("uri").asText()).isEqualTo("scenarios/a%20b/x.yaml");
        assertThat(SarifAuditRenderer.artifact("./x.yaml").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(SarifAuditRenderer.artifact("./x.yaml").path("uri").asText()).isEqualTo("x.yaml");
        assertThat(SarifAuditRenderer.artifact("/srv/é.yaml").path("uri").asText()).isEqualTo("file:///srv/%C3%A9.yaml");
        assertThat(SarifAuditRenderer.artifact("/srv/x.yaml").has("uriBaseId")).isFalse();
        assertThat(SarifAuditRenderer.artifact("C:\\data\\x.yaml").path("uri").asText()).isEqualTo("file:///C:/data/x.yaml");
        assertThat(SarifAuditRenderer.artifact("<stdin>:3")).isNull();
    }
}
