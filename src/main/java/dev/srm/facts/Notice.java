package dev.srm.facts;

/** A rule's remark on a resource that is neither a finding nor a control, e.g. a service the organisation does not allow. */
public record Notice(String resource, String message, String rule) {
}
