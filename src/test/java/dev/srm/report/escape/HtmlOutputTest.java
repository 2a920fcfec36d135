package dev.srm.report.escape;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The templates' output escapes every value with the HTML escaper and refuses the places where that is not enough. */
class HtmlOutputTest {

    @Test
    void values_are_escaped_and_template_text_is_not() {
        StringWriter w = new StringWriter();
        HtmlOutput out = new HtmlOutput(w);
        out.writeContent("<td title=\"");
        out.setContext("td", "title");
        out.writeUserContent("\"><script>x</script>");
        out.setContext("td", null);
        out.writeContent("\">");
        out.writeUserContent(42);
        out.writeUserContent((String) null);
        out.writeContent("</td>", 0, 5);
        assertThat(w).hasToString("<td title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">42</td>");
    }

    @Test
    void no_value_goes_into_a_script_a_style_or_an_event_handler() {
        HtmlOutput out = new HtmlOutput(new StringWriter());
        out.setContext("style", null);
        assertThatThrownBy(() -> out.writeUserContent("a{}")).isInstanceOf(IllegalStateException.class);
        out.setContext("script", null);
        assertThatThrownBy(() -> out.writeUserContent("x")).isInstanceOf(IllegalStateException.class);
        out.setContext("a", "onclick");
        assertThatThrownBy(() -> out.writeUserContent("x")).isInstanceOf(IllegalStateException.class);
        out.setContext("a", "title");
        assertThatThrownBy(() -> out.writeUserContent(o -> o.writeContent("<b>"))).isInstanceOf(IllegalStateException.class);
    }
}
