package dev.srm.report.escape;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Where the jte templates of the HTML pages write: their own text as it is, every value
 * through {@link Html#text}, and no value at all where that escaping would not be enough (in
 * a script or style element, an event handler attribute, or a Content in an attribute).
 */
final class HtmlOutput implements HtmlTemplateOutput {
    private final Writer out;
    private String tag;
    private String attribute;

    HtmlOutput(Writer out) {
        this.out = out;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        this.tag = tagName;
        this.attribute = attributeName;
    }

    @Override
    public void writeContent(String value) {
        try {
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        try {
            out.write(value, beginIndex, endIndex - beginIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeUserContent(String value) {
        checkContext();
        if (value != null) {
            writeContent(Html.text(value));
        }
    }

    @Override
    public void writeUserContent(Content content) {
        checkContext();
        if (attribute != null) {
            throw new IllegalStateException("a template wrote content into the attribute " + attribute + " of <" + tag + ">");
        }
        if (content != null) {
            content.writeTo(this);
        }
    }

    private void checkContext() {
        if ("script".equals(tag) || "style".equals(tag) || (attribute != null && attribute.startsWith("on"))) {
            throw new IllegalStateException("a template wrote a value into <" + tag + (attribute == null ? "" : " " + attribute) + ">");
        }
    }
}
