package dev.srm.facts;

/** A rule's decision of how large the customer's share of a resource is. */
public record CustomerShare(String resource, ShareLevel level, String reason, String rule) {
}
