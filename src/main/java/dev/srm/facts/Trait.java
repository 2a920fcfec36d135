package dev.srm.facts;

/**
 * An intermediate conclusion a rule derives once so other rules can build on it (the
 * buspass pattern): e.g. {@code Trait("account", "in-scope")} or {@code Trait("web", "internet-facing")}.
 */
public record Trait(String subject, String name, String rule) {
}
