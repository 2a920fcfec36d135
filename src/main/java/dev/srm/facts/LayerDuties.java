package dev.srm.facts;

/** A layer of a resource that has at least one decided duty: the subject of the layer-from-duties rules. */
public record LayerDuties(String resource, String layer) {
}
