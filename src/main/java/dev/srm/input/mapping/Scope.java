package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** The node a mapping reads from, and the scope it sits in ({@code ^} in a path climbs to it). */
public record Scope(JsonNode node, Scope parent) {
    /** The scope of a whole source resource. */
    public static Scope root(JsonNode node) {
        return new Scope(node, null);
    }
}
