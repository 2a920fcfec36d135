package dev.srm.facts;

import java.util.Locale;
import java.util.Objects;

/**
 * A tagging control's requirement on a resource: at least one user tag, i.e. a tag whose key does
 * not start with {@code aws:} (Security Hub's default when the control's {@code requiredTagKeys}
 * parameter is not set). {@code property} is where the resource's configuration keeps its tags:
 * a list of {@code Key}/{@code Value} objects ({@code Tags}, {@code TagSpecifications[*].Tags}) or
 * a map of key to value ({@code BackupVaultTags}); a scenario's {@code tags:} block counts too
 * (rules/controls/tagging.drl).
 */
public record TagRequirement(String resource, String control, String property, String rule) {
    /**
     * The path a partial inventory states when it states a resource's tags whole, whatever property
     * its type keeps them in (a Terraform plan's tags_all, an AWS Config item's tags; a scenario's
     * {@code stated}): no tag there is then evidence ({@link ScenarioContext#statesUnset}).
     */
    public static final String STATED = "Tags";

    public TagRequirement {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(property, "property");
    }

    /** True for a tag key that AWS applies itself ({@code aws:...}), which Security Hub ignores. */
    public static boolean isSystemKey(String key) {
        return key == null || key.toLowerCase(Locale.ROOT).startsWith("aws:");
    }

    /** True when the setting is part of the tags property (an element, a key, a value, or the property itself). */
    public boolean reads(Setting s) {
        String p = s.pattern();
        return p.equals(property) || p.startsWith(property + "[") || p.startsWith(property + ".");
    }

    /**
     * The user tag key a setting shows: the {@code Key} of a list element, or the key of a map
     * entry; null when the setting shows none (a value, a system key, a key the input could not
     * determine).
     */
    public String userKey(Setting s) {
        String p = s.pattern();
        String key;
        if (p.equals(property + "[*].Key")) {
            key = s.isUnknown() ? null : s.value();
        } else if (p.startsWith(property + ".") && p.indexOf('[', property.length()) < 0
                && p.indexOf('.', property.length() + 1) < 0) {
            key = p.substring(property.length() + 1);
        } else {
            return null;
        }
        return key == null || key.isBlank() || isSystemKey(key) ? null : key;
    }

    /** True when the resource's tags block holds a user tag. */
    public static boolean hasUserTag(Resource r) {
        return r.tags().keySet().stream().anyMatch(k -> !k.isBlank() && !isSystemKey(k));
    }

    /** What the requirement asks, for evidence. */
    public String describe() {
        return "at least one tag whose key does not start with aws: (" + property + " or the resource's tags)";
    }
}
