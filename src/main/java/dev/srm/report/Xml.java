package dev.srm.report;

/**
 * The XML escaper's old address, kept for {@code srm test --format junit} until it writes with
 * an XMLStreamWriter; the rules are {@link dev.srm.report.escape.Xml}'s.
 *
 * @deprecated use {@link dev.srm.report.escape.Xml}, or better an XMLStreamWriter
 */
@Deprecated
public final class Xml {
    private Xml() {
    }

    public static String text(String s) {
        return dev.srm.report.escape.Xml.text(s);
    }

    public static String attr(String s) {
        return dev.srm.report.escape.Xml.attr(s);
    }
}
