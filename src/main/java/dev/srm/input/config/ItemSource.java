package dev.srm.input.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.input.Content;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;
import dev.srm.input.Numbers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads configuration items one at a time from any of the shapes AWS Config gives them in: a
 * snapshot file ({@code {"fileVersion", "configurationItems": [...]}}), the output of
 * {@code get-resource-config-history} ({@code configurationItems}) and
 * {@code batch-get-resource-config} ({@code baseConfigurationItems}), of
 * {@code select-resource-config} / {@code select-aggregate-resource-config}
 * ({@code {"Results": ["<item JSON>", ...]}}, or one result object per line), a list of items,
 * or items one after another. Only one item is in memory at a time.
 */
final class ItemSource {
    private final String name;
    private final ObjectMapper json;
    private long items;

    ItemSource(String name, ObjectMapper json) {
        this.name = name;
        this.json = json;
    }

    static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(256 * 1024 * 1024).build()).build();
    }

    /** Hands every item of the stream to {@code sink}, in order. */
    void read(InputStream in, Consumer<Item> sink) throws InputException {
        try (JsonParser p = json.getFactory().createParser(in)) {
            try {
                items(p, sink);
            } catch (JsonProcessingException e) {
                if (e.getCause() instanceof EOFException eof) {
                    throw Content.broken(name, eof);
                }
                throw InputFiles.parseProblem(name, e, p, Format.JSON, 0); // parser limits in srm's words, at the place
            }
        } catch (EOFException | ZipException e) {
            throw Content.broken(name, e);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof EOFException eof) {
                throw Content.broken(name, eof);
            }
            throw InputFiles.problem(name, InputFiles.where(e.getLocation(), 0), InputFiles.syntax(e, Format.JSON));
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Unexpected end of ZLIB input stream")) {
                throw Content.broken(name, new EOFException(e.getMessage()));
            }
            throw InputFiles.problem(name, "", "cannot be read: " + e.getMessage());
        }
        if (items == 0) {
            throw InputFiles.problem(name, "", "holds no configuration items (expected configurationItems, baseConfigurationItems, "
                    + "Results, or items with resourceType)");
        }
    }

    private void items(JsonParser p, Consumer<Item> sink) throws IOException, InputException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw InputFiles.problem(name, "", "the file is empty; expected AWS Config configuration items");
        }
        while (t != null) {
            if (t == JsonToken.START_ARRAY) {
                array(p, sink, "");
            } else if (t == JsonToken.START_OBJECT) {
                object(p, sink);
            } else {
                throw InputFiles.problem(name, where(p), "expected a JSON object or list of configuration items, found " + t.asString());
            }
            t = p.nextToken();
        }
    }

    private static String where(JsonParser p) {
        return p.currentTokenLocation().getLineNr() + ":" + p.currentTokenLocation().getColumnNr();
    }

    /** A top-level object: a file or API output holding a list of items, or an item itself. */
    private void object(JsonParser p, Consumer<Item> sink) throws IOException, InputException {
        ObjectNode item = null;
        int line = p.currentTokenLocation().getLineNr();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (("configurationItems".equals(field) || "baseConfigurationItems".equals(field) || "Results".equals(field))
                    && v == JsonToken.START_ARRAY) {
                array(p, sink, "/" + field);
            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                if (item == null) {
                    item = json.getNodeFactory().objectNode();
                }
                item.set(field, json.readTree(p));
            } else {
                if (item == null) {
                    item = json.getNodeFactory().objectNode();
                }
                item.set(field, json.readTree(p));
            }
        }
        if (item != null && item.has("resourceType")) {
            emit(item, line, null, sink);
        }
    }

    /** The items of a list at {@code base} (a JSON pointer), each with its line and pointer. */
    private void array(JsonParser p, Consumer<Item> sink, String base) throws IOException, InputException {
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new EOFException("the list of items ends early");
            }
            int line = p.currentTokenLocation().getLineNr();
            String pointer = base + "/" + index++;
            String at = where(p);
            JsonNode n = json.readTree(p);
            if (n.isTextual()) { // select-resource-config gives each result as JSON text
                try {
                    n = json.readTree(n.textValue());
                } catch (JsonProcessingException e) {
                    throw InputFiles.problem(name, at, pointer + ": a text that is not a configuration item (a select result is"
                            + " an item as JSON text): " + InputFiles.syntax(e, Format.JSON));
                }
            }
            if (n instanceof ObjectNode o && o.has("resourceType")) {
                emit(o, line, pointer, sink);
            } else if (n instanceof ObjectNode) {
                throw InputFiles.problem(name, at, "an item without resourceType; select results need at least "
                        + "resourceType, resourceId and accountId (SELECT resourceType, resourceId, accountId, awsRegion, arn, configuration, ...)");
            } else { // null, a number, a list: not an item, and never dropped without a word
                throw InputFiles.problem(name, at, pointer + ": expected a configuration item (an object with resourceType), found "
                        + InputFiles.kind(n));
            }
        }
    }

    private void emit(ObjectNode node, int line, String pointer, Consumer<Item> sink) throws InputException {
        items++;
        Item item = Item.of(node, json, Math.max(line, 0), pointer);
        // after Item.of: the configuration an API gives as JSON text is parsed there
        Numbers.check(name, item.node(), pointer == null ? "" : pointer, line > 0 ? Integer.toString(line) : "");
        sink.accept(item);
    }

    long items() {
        return items;
    }
}
