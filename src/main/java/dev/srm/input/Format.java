package dev.srm.input;

import java.util.Locale;

/** The syntax of a scenario file. */
public enum Format {
    YAML, JSON;

    /** By file name, or null when the name says nothing. */
    public static Format ofName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json") || n.endsWith(".jsonl")) {
            return JSON;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return YAML;
        }
        return null;
    }

    public static boolean isScenarioName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
