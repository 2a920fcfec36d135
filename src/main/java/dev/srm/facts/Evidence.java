package dev.srm.facts;

/**
 * What the configuration says about one control of one resource: {@code path} and
 * {@code actual} name the setting read (null when absent), {@code detail} says it in words.
 */
public record Evidence(String resource, String control, Outcome outcome, String path, String actual,
                       String detail, String rule) {
}
