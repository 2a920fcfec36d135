package dev.srm.report.audit;

import dev.srm.report.escape.Xml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An XML element that an {@link XMLStreamWriter} writes on its own line, indented two spaces a
 * level (empty as {@code <name .../>}, with its text inline, or with its children on the lines
 * between its tags), its values passed through {@link Xml#valid} and escaped by the writer.
 */
record XmlElement(String name, List<Attribute> attributes, String text, List<XmlElement> children) {
    record Attribute(String name, String value) {
    }

    XmlElement {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    static XmlElement of(String name) {
        return new XmlElement(name, List.of(), null, List.of());
    }

    XmlElement attr(String attribute, Object value) {
        List<Attribute> all = new ArrayList<>(attributes);
        all.add(new Attribute(attribute, String.valueOf(value)));
        return new XmlElement(name, all, text, children);
    }

    XmlElement text(String content) {
        return new XmlElement(name, attributes, content, children);
    }

    XmlElement children(List<XmlElement> elements) {
        return new XmlElement(name, attributes, text, elements);
    }

    void write(XMLStreamWriter w, int depth) throws XMLStreamException {
        String indent = "  ".repeat(depth);
        w.writeCharacters(indent);
        if (text == null && children.isEmpty()) {
            w.writeEmptyElement(name);
            writeAttributes(w);
        } else {
            startTag(w);
            if (text != null) {
                w.writeCharacters(Xml.valid(text));
            } else {
                w.writeCharacters("\n");
                for (XmlElement child : children) {
                    child.write(w, depth + 1);
                }
                w.writeCharacters(indent);
            }
            w.writeEndElement();
        }
        w.writeCharacters("\n");
    }

    /** Writes the start tag alone, for an element whose children are written later (or copied from elsewhere). */
    void startTag(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement(name);
        writeAttributes(w);
    }

    private void writeAttributes(XMLStreamWriter w) throws XMLStreamException {
        for (Attribute a : attributes) {
            w.writeAttribute(a.name(), Xml.valid(a.value()));
        }
    }
}
