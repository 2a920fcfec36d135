package dev.srm.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Finds the line and column of JSON pointers in a document, by a second streaming pass. */
public final class Locator {
    private Locator() {
    }

    /** Line and column (1-based) where each pointer that the filter accepts starts. */
    public static Map<String, int[]> locate(JsonFactory factory, byte[] bytes, Predicate<String> wanted) {
        return locate(factory, bytes, wanted, -1);
    }

    /**
     * As {@link #locate(JsonFactory, byte[], Predicate)} in one document of a YAML stream
     * ({@code document} counts from 0; -1 for the first place of each pointer in any).
     */
    public static Map<String, int[]> locate(JsonFactory factory, byte[] bytes, Predicate<String> wanted, int document) {
        return locate(factory, bytes, wanted, document, Integer.MAX_VALUE);
    }

    /**
     * As {@link #locate(JsonFactory, byte[], Predicate, int)} for pointers of at most
     * {@code depth} segments ({@code /resources/3} has two): the parser skips what lies deeper,
     * so that the place of each resource costs one pass that reads no pointer below it.
     */
    public static Map<String, int[]> locate(JsonFactory factory, byte[] bytes, Predicate<String> wanted, int document, int depth) {
        Map<String, int[]> out = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            int current = -1;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                boolean startsDocument = t.isStructStart() ? p.getParsingContext().getParent().inRoot()
                        : p.getParsingContext().inRoot();
                if (startsDocument) {
                    current++;
                }
                if (document >= 0 && current != document) {
                    if (current > document) {
                        break;
                    }
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                    continue;
                }
                // the segments of the pointer this token starts: a struct's context is its own, one below its place
                int segments = t.isStructStart() ? p.getParsingContext().getNestingDepth() - 1 : p.getParsingContext().getNestingDepth();
                if (segments > depth) {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (!out.containsKey(pointer) && wanted.test(pointer)) {
                    JsonLocation loc = p.currentTokenLocation();
                    out.put(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
                }
                if (segments == depth && t.isStructStart()) {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the document parsed once already; a failure here only costs the location
        }
        return out;
    }

    /** The location of a pointer, or of its nearest located ancestor. */
    public static int[] find(JsonFactory factory, byte[] bytes, String pointer) {
        return find(factory, bytes, pointer, -1);
    }

    /** The location of a pointer in one document of a YAML stream (-1: in any), or of its nearest located ancestor. */
    public static int[] find(JsonFactory factory, byte[] bytes, String pointer, int document) {
        Map<String, int[]> all = locate(factory, bytes, p -> pointer.startsWith(p), document);
        String p = pointer;
        while (true) {
            int[] loc = all.get(p);
            if (loc != null) {
                return loc;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return null;
            }
            p = p.substring(0, slash);
        }
    }
}
