package dev.srm.input.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * or items one after another; a Config rule's invoking event ({@code configurationItem}), the
 * event its Lambda function receives ({@code invokingEvent} as JSON text) and an EventBridge
 * event of Config ({@code detail.configurationItem}). Only one item is in memory at a time.
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
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // the last of two would win unsaid
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
                InputException twice = InputFiles.duplicateKey(name, e, p, null, null); // streamed: no second pass for the first
                if (twice != null) {
                    throw twice;
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
            } else if ("configurationItem".equals(field) && v == JsonToken.START_OBJECT) {
                // a Config rule's invoking event (ConfigurationItemChangeNotification), as its Lambda function or SNS sees it
                int at = p.currentTokenLocation().getLineNr();
                embedded(json.readTree(p), at, "/configurationItem", sink);
            } else if ("invokingEvent".equals(field) && v == JsonToken.VALUE_STRING) {
                // the event a custom rule's Lambda function receives: the invoking event is JSON text
                int at = p.currentTokenLocation().getLineNr();
                JsonNode event = parseEvent(p.getText(), where(p));
                embedded(event.get("configurationItem"), at, "/invokingEvent/configurationItem", sink);
                if (event.get("configurationItem") == null) {
                    notAnItemChange(event, where(p));
                }
            } else if ("detail".equals(field) && v == JsonToken.START_OBJECT) {
                // an EventBridge event of AWS Config ("detail-type": "Config Configuration Item Change")
                int at = p.currentTokenLocation().getLineNr();
                JsonNode detail = json.readTree(p);
                if (detail.get("configurationItem") != null) {
                    embedded(detail.get("configurationItem"), at, "/detail/configurationItem", sink);
                } else {
                    if (item == null) {
                        item = json.getNodeFactory().objectNode();
                    }
                    item.set(field, detail);
                }
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
        } else if (item != null && item.has("configurationItemSummary")) {
            notAnItemChange(item, "");
        } else if (item != null && item.has("detail-type") && item.has("detail")) {
            // an EventBridge event of another kind (a CloudTrail API call, a GuardDuty finding): said, not an empty inventory
            throw InputFiles.problem(name, line + ":1", "an EventBridge event of detail-type '" + item.path("detail-type").asText()
                    + "' (source '" + item.path("source").asText() + "') holds no configuration item; srm reads AWS Config's"
                    + " events (detail-type 'Config Configuration Item Change')");
        }
    }

    /** The item an invoking event or EventBridge event holds at {@code pointer}; null when it holds none. */
    private void embedded(JsonNode n, int line, String pointer, Consumer<Item> sink) throws InputException {
        if (n == null || n.isNull()) {
            return;
        }
        if (n instanceof ObjectNode o && o.has("resourceType")) {
            emit(o, line, pointer, sink);
        } else {
            throw InputFiles.problem(name, line > 0 ? Integer.toString(line) : "", pointer + ": expected a configuration item (an object "
                    + "with resourceType), found " + (n.isObject() ? "an object without resourceType" : InputFiles.kind(n)));
        }
    }

    private JsonNode parseEvent(String text, String at) throws InputException {
        try {
            JsonNode event = json.readTree(text);
            if (event != null && event.isObject()) {
                return event;
            }
            throw InputFiles.problem(name, at, "/invokingEvent: expected an invoking event (JSON text of an object), found "
                    + InputFiles.kind(event));
        } catch (JsonProcessingException e) {
            throw InputFiles.problem(name, at, "/invokingEvent: not an invoking event (JSON text): " + InputFiles.syntax(e, Format.JSON));
        }
    }

    /**
     * An invoking event without an item: an oversized item's notification holds only its summary (the item is in S3), a
     * scheduled notification none at all. Said, not taken for an empty inventory.
     */
    private void notAnItemChange(JsonNode event, String at) throws InputException {
        String type = event.path("messageType").asText("");
        if (event.has("configurationItemSummary") || "OversizedConfigurationItemChangeNotification".equals(type)) {
            throw InputFiles.problem(name, at, "an oversized configuration item change notification holds only the item's summary"
                    + " (configurationItemSummary); the item is at the S3 location it names (s3DeliverySummary): read that file,"
                    + " or get the item with aws configservice batch-get-resource-config");
        }
        if (event.hasNonNull("s3Bucket") && event.hasNonNull("s3ObjectKey")) {
            // a snapshot or history delivery notification: the items are in the file it names
            throw InputFiles.problem(name, at, "an invoking event of type " + type + " holds no configuration item; the items are in the"
                    + " file it names (s3://" + event.get("s3Bucket").asText() + "/" + event.get("s3ObjectKey").asText() + "): read that file");
        }
        if (!type.isEmpty()) {
            throw InputFiles.problem(name, at, "an invoking event of type " + type + " holds no configuration item");
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
        Item item = Item.of(name, node, json, Math.max(line, 0), pointer);
        // after Item.of: the configuration an API gives as JSON text is parsed there
        Numbers.check(name, item.node(), pointer == null ? "" : pointer, line > 0 ? Integer.toString(line) : "");
        sink.accept(item);
    }

    long items() {
        return items;
    }
}
