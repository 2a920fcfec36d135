package dev.srm.report.escape;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The writer of srm's messages to a person (stderr: errors, warnings, summaries): every line
 * printed with {@code println} or {@code printf} passes through {@link Terminal#text}, so no
 * input text (a title, a service name, a file name) can end the line early and forge another
 * {@code srm:} line, move the cursor, retitle the window or reorder the text. {@code print}
 * is left as it is for help screens and the progress bar, which srm writes itself.
 */
public final class TerminalWriter extends PrintWriter {
    public TerminalWriter(Writer out, boolean autoFlush) {
        super(out, autoFlush);
    }

    /** {@code w} itself when it already escapes, else a terminal writer around it. */
    public static PrintWriter of(PrintWriter w) {
        return w instanceof TerminalWriter ? w : new TerminalWriter(w, true);
    }

    @Override
    public void println(String x) {
        super.println(Terminal.text(x));
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char[] x) {
        println(new String(x));
    }

    @Override
    public PrintWriter format(String format, Object... args) {
        return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
    }

    @Override
    public PrintWriter format(Locale l, String format, Object... args) {
        String s = String.format(l, format, args);
        String nl = System.lineSeparator();
        if (s.endsWith(nl)) {
            println(s.substring(0, s.length() - nl.length()));
        } else if (s.endsWith("\n")) {
            println(s.substring(0, s.length() - 1));
        } else {
            super.print(Terminal.text(s));
        }
        return this;
    }

    @Override
    public PrintWriter printf(String format, Object... args) {
        return format(format, args);
    }

    @Override
    public PrintWriter printf(Locale l, String format, Object... args) {
        return format(l, format, args);
    }
}
