package dev.srm.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an AWS Security Finding Format finding says, for the rules that map it to an incident
 * kind and layer: its {@code Types}, the product that produced it, the Security Hub control
 * it checks ({@code Compliance.SecurityControlId}, null for other findings) and its status,
 * the resource types it names, its {@code ProductFields} and the package managers of the
 * vulnerable packages it lists.
 */
public record AsffFinding(String incident, String findingId, String productName, List<String> types,
                          String securityControlId, String complianceStatus, String severityLabel,
                          List<String> resourceTypes, Map<String, String> productFields, List<String> packageManagers) {
    public AsffFinding {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(findingId, "findingId");
        productName = productName == null ? "" : productName;
        types = List.copyOf(types);
        resourceTypes = List.copyOf(resourceTypes);
        productFields = Map.copyOf(productFields);
        packageManagers = List.copyOf(packageManagers);
    }

    /** The value of a ProductFields key, or null. */
    public String productField(String key) {
        return productFields.get(key);
    }

    /** True when one of the finding's types starts with the prefix. */
    public boolean hasTypeStartingWith(String prefix) {
        return types.stream().anyMatch(t -> t.startsWith(prefix));
    }

    /** True when one of the finding's types contains the text. */
    public boolean hasTypeContaining(String text) {
        return types.stream().anyMatch(t -> t.contains(text));
    }

    /** The first type that contains the text, or null. */
    public String typeContaining(String text) {
        return types.stream().filter(t -> t.contains(text)).findFirst().orElse(null);
    }

    /** The first type that starts with the prefix, or null. */
    public String typeStartingWith(String prefix) {
        return types.stream().filter(t -> t.startsWith(prefix)).findFirst().orElse(null);
    }
}
