package dev.srm.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A tree written as YAML or JSON, its keys in the order given or shuffled: the same document, spelled differently. */
enum Spelling {
    YAML("yaml"), JSON("json");

    private static final ObjectMapper JSON_WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML_WRITER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final String extension;

    Spelling(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    String write(Object tree) {
        try {
            return (this == JSON ? JSON_WRITER : YAML_WRITER).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same tree with the keys of every map in another order (the same for the same seed). */
    static Object shuffled(Object tree, long seed) {
        return shuffle(tree, new Random(seed));
    }

    @SuppressWarnings("unchecked")
    private static Object shuffle(Object node, Random random) {
        if (node instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>((java.util.Set<String>) m.keySet());
            Collections.shuffle(keys, random);
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : keys) {
                out.put(k, shuffle(m.get(k), random));
            }
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(shuffle(o, random));
            }
            return out;
        }
        return node;
    }
}
