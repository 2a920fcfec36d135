package dev.srm.report.test;

import dev.srm.model.InputProblem;
import dev.srm.model.TestResults;
import dev.srm.report.escape.Xml;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;

/** JUnit XML: a test suite per scenario and a test case per expectation; unreadable inputs are errors. */
public final class JunitTestRenderer implements TestRenderer {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    @Override
    public void render(TestResults result, boolean coverage, Writer out) throws IOException {
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            long tests = result.outcomes().stream().mapToLong(o -> Math.max(1, o.checks().size())).sum() + result.problems().size();
            long skipped = result.outcomes().stream().filter(o -> !o.hasExpectations()).count();
            x.writeStartElement("testsuites");
            attrs(x, "name", "srm test", "tests", tests, "failures", result.checksFailed(), "errors", result.problems().size(),
                    "skipped", skipped);
            for (TestResults.Outcome o : result.outcomes()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                attrs(x, "name", o.scenario(), "file", o.file(), "tests", Math.max(1, o.checks().size()), "failures", o.failures().size());
                if (!o.hasExpectations()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    attrs(x, "name", "expectations", "classname", o.scenario());
                    x.writeEmptyElement("skipped");
                    attrs(x, "message", "no expect block");
                    x.writeEndElement();
                }
                for (TestResults.Check c : o.checks()) {
                    x.writeCharacters("\n    ");
                    if (c.passed()) {
                        x.writeEmptyElement("testcase");
                        attrs(x, "name", c.name(), "classname", o.scenario());
                        continue;
                    }
                    x.writeStartElement("testcase");
                    attrs(x, "name", c.name(), "classname", o.scenario());
                    x.writeCharacters("\n      ");
                    x.writeStartElement("failure");
                    attrs(x, "message", c.toString());
                    x.writeCharacters(Xml.valid(c.toString()));
                    x.writeEndElement();
                    x.writeCharacters("\n    ");
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            for (InputProblem p : result.problems()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                attrs(x, "name", p.file(), "tests", 1, "errors", 1);
                x.writeStartElement("testcase");
                attrs(x, "name", "read", "classname", p.file());
                x.writeEmptyElement("error");
                attrs(x, "message", p.toString());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void attrs(XMLStreamWriter x, Object... namesAndValues) throws XMLStreamException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            x.writeAttribute((String) namesAndValues[i], Xml.valid(String.valueOf(namesAndValues[i + 1])));
        }
    }
}
