package dev.srm.report.escape;

import java.util.List;

/** Strings an input may hold to break a report out of its format: every escaper is tested against all of them. */
final class Hostile {
    static final List<String> STRINGS = List.of(
            "plain text",
            "",
            "<script>alert(1)</script>",
            "<img src=x onerror=\"document.title='pwned'\">",
            "\" onmouseover='x' & y",
            "&amp; &#39; &lt;",
            "a | b",
            "`code` and ``double`` and a trailing `",
            "*bold* _it_ [link](x) `code` #h ![i] ~strike~ back\\slash",
            "=1+2",
            "+cmd",
            "-2+3",
            "@SUM(A1)",
            "\tstarts with a tab",
            "\rstarts with a carriage return",
            "=HYPERLINK(\"http://example.invalid/x\",\"click me\")",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\rlf\r\nend",
            "bell\u0007 nul\u0000 del\u007f",
            "clear \u001b[2J screen \u001b[31mred\u001b[0m",
            "title \u001b]0;owned\u0007",
            "c1 csi \u009b2J",
            "right-to-left \u202Eevil.exe\u202C and \u2066isolate\u2069",
            "line\u2028separator\u2029paragraph",
            "not xml \uFFFE\uFFFF \uD800 lone surrogate",
            "emoji \uD83D\uDE00 and é",
            "]]> <![CDATA[x]]> <!-- c -->");

    private Hostile() {
    }
}
