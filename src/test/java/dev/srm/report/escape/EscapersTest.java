package dev.srm.report.escape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each escaper against the shared list of hostile strings ({@link Hostile}), then the cases each format is known for. */
class EscapersTest {
    private static final List<String> HOSTILE = Hostile.STRINGS;
    private static final Pattern CONTROL_OR_BIDI = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    // ------------------------------------------------------------------ every hostile string

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void terminal_text_has_no_control_no_escape_sequence_no_bidi_control_and_one_line(String s) {
        String out = Terminal.text(s);
        assertThat(CONTROL_OR_BIDI.matcher(out).find()).as(out).isFalse();
        assertThat(out).isEqualTo(out.strip());
        assertThat(out.replace(" ", "")).as("only controls became spaces")
                .isEqualTo(CONTROL_OR_BIDI.matcher(s).replaceAll("").replace(" ", ""));
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void html_text_cannot_open_a_tag_close_a_quote_or_reorder_a_line(String s) {
        String out = Html.text(s);
        assertThat(out).doesNotContain("<", ">", "\"", "'");
        assertThat(out.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
        assertThat(Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]").matcher(out).find()).isFalse();
        assertThat(unescapeHtml(out)).as("the text itself, controls aside")
                .isEqualTo(Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]").matcher(s).replaceAll("\uFFFD"));
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void markdown_text_is_one_line_with_every_markup_character_escaped(String s) {
        String out = Markdown.text(s);
        assertThat(CONTROL_OR_BIDI.matcher(out).find()).as(out).isFalse();
        String unescaped = out.replaceAll("\\\\[\\\\`*_\\[\\]<>#|~&!]", "");
        assertThat(unescaped).as("no unescaped markup in %s", out).doesNotContainPattern("[\\\\`*_\\[\\]<>#|~&!]");
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void markdown_code_is_one_span_on_one_line_that_cannot_end_a_table_cell(String s) {
        String out = Markdown.code(s);
        assertThat(CONTROL_OR_BIDI.matcher(out).find()).as(out).isFalse();
        int n = 0;
        while (n < out.length() / 2 && out.charAt(n) == '`') {
            n++;
        }
        String fence = out.substring(0, n);
        assertThat(fence).isNotEmpty();
        assertThat(out).endsWith(fence);
        String inside = out.substring(fence.length(), out.length() - fence.length());
        assertThat(inside).doesNotContain(fence);
        assertThat(inside.replace("\\|", "")).doesNotContain("|");
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void csv_cell_is_one_field_that_a_spreadsheet_does_not_run(String s) {
        String out = Csv.cell(s);
        String field = out.startsWith("\"") ? out.substring(1, out.length() - 1).replace("\"\"", "\"") : out;
        assertThat(out.startsWith("\"") ? out.substring(1, out.length() - 1).replace("\"\"", "") : out)
                .as("a quote only where the field is quoted, and then doubled").doesNotContain("\"");
        if (!out.startsWith("\"")) {
            assertThat(out).doesNotContain(",", "\n", "\r");
        }
        assertThat(field).isIn(s, "'" + s);
        assertThat(field).doesNotMatch("(?s)^[=+\\-@\\t\\r].*");
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void xml_text_and_attributes_parse_back_to_the_valid_text(String s) throws Exception {
        Element a = parse("<a v=\"" + Xml.attr(s) + "\">" + Xml.text(s) + "</a>");
        String expected = Xml.valid(s);
        assertThat(expected.codePoints().allMatch(Characters::isXmlChar)).isTrue();
        assertThat(a.getAttribute("v")).isEqualTo(expected);
        assertThat(a.getTextContent()).isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void xml_valid_text_is_well_formed_through_an_xml_stream_writer(String s) throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
        w.writeStartElement("a");
        w.writeAttribute("v", Xml.valid(s));
        w.writeCharacters(Xml.valid(s));
        w.writeEndElement();
        w.close();
        Element a = parse(out.toString());
        assertThat(a.getTextContent()).isEqualTo(Xml.valid(s).replace("\r\n", "\n").replace('\r', '\n'));
        assertThat(a.getAttribute("v")).as("attribute values are normalised by the reader")
                .isEqualTo(Xml.valid(s).replace("\r\n", " ").replaceAll("[\t\n\r]", " "));
    }

    // ------------------------------------------------------------------ what each format is known for

    @Test
    void terminal_text_keeps_the_words_and_drops_the_sequences() {
        assertThat(Terminal.text("clear \u001b[2J screen")).isEqualTo("clear  [2J screen");
        assertThat(Terminal.text("  two\r\n\tlines \u202Ereversed ")).isEqualTo("two lines  reversed");
        assertThat(Terminal.text(null)).isEmpty();
    }

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
        assertThat(Csv.cell(value)).isEqualTo(expected);
    }

    @Test
    void csv_cells_with_tab_cr_or_line_breaks() {
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("a-b=c")).as("only a leading sign is a formula").isEqualTo("a-b=c");
        assertThat(Csv.row(List.of("a", "=b", "c,d"))).isEqualTo("a,'=b,\"c,d\"\r\n");
    }

    @Test
    void html_escapes_markup_and_both_quotes() {
        assertThat(Html.text("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.text("\" onmouseover='x' & y")).isEqualTo("&quot; onmouseover=&#39;x&#39; &amp; y");
        assertThat(Html.text("bell\u0007")).isEqualTo("bell\uFFFD");
        assertThat(Html.text("rtl\u202Eexe")).isEqualTo("rtl\uFFFDexe");
        assertThat(Html.text("tab\tand\nline")).isEqualTo("tab\tand\nline");
        assertThat(Html.text(null)).isEmpty();
    }

    @Test
    void xml_escapes_attributes_text_and_characters_xml_cannot_hold() {
        assertThat(Xml.attr("a\"b'<c>&\n")).isEqualTo("a&quot;b&apos;&lt;c&gt;&amp;&#10;");
        assertThat(Xml.text("a\"b'<c>&\n")).isEqualTo("a\"b'&lt;c&gt;&amp;\n");
        assertThat(Xml.text("nul\u0000 and \uD83D\uDE00")).isEqualTo("nul\uFFFD and \uD83D\uDE00");
        assertThat(Xml.text("]]>")).isEqualTo("]]&gt;");
        assertThat(Xml.valid("a<b\u0000\uFFFE")).isEqualTo("a<b\uFFFD\uFFFD");
    }

    @Test
    void markdown_text_renders_as_itself() {
        assertThat(Markdown.text("<script>alert(1)</script>")).isEqualTo("\\<script\\>alert(1)\\</script\\>");
        assertThat(Markdown.text("a | b")).isEqualTo("a \\| b");
        assertThat(Markdown.text("*bold* _it_ [link](x) `code` #h ![i]")).isEqualTo(
                "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\#h \\!\\[i\\]");
        assertThat(Markdown.text("two\nlines")).isEqualTo("two lines");
        assertThat(Markdown.text("&amp;")).isEqualTo("\\&amp;");
    }

    @Test
    void markdown_code_spans_outlast_the_backticks_inside() {
        assertThat(Markdown.code("rule-id")).isEqualTo("`rule-id`");
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.code("`x")).isEqualTo("`` `x ``");
        assertThat(Markdown.code("a|b")).isEqualTo("`a\\|b`");
    }

    // ------------------------------------------------------------------ helpers

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    private static String unescapeHtml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
