package dev.srm.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an AWS Security Finding Format finding says, for the rules that map it to an incident
 * kind and layer: its {@code Types}, the product that produced it (its name and its
 * {@code ProductArn}), its {@code GeneratorId} (an AWS Health finding's event type code, such as
 * {@code AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED}), the Security Hub control it checks
 * ({@code Compliance.SecurityControlId}, null for other findings) and its {@code Compliance.Status}
 * (null when the finding has none), the resource types it names, its {@code ProductFields} and the
 * package managers of the vulnerable packages it lists.
 */
public record AsffFinding(String incident, String findingId, String productName, String productArn, String generatorId,
                          List<String> types, String securityControlId, String complianceStatus, String severityLabel,
                          List<String> resourceTypes, Map<String, String> productFields, List<String> packageManagers) {
    public AsffFinding {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(findingId, "findingId");
        productName = productName == null ? "" : productName;
        productArn = productArn == null ? "" : productArn;
        generatorId = generatorId == null ? "" : generatorId;
        types = List.copyOf(types);
        resourceTypes = List.copyOf(resourceTypes);
        productFields = Map.copyOf(productFields);
        packageManagers = List.copyOf(packageManagers);
    }

    /**
     * True when an AWS service integration produced the finding: its ProductArn ends with
     * {@code product/aws/NAME} ({@code arn:aws:securityhub:us-east-1::product/aws/health} for AWS Health).
     */
    public boolean fromAwsProduct(String name) {
        return productArn.endsWith("product/aws/" + name);
    }

    /** True when the finding's GeneratorId starts with the prefix (an AWS Health event type code's service, for example). */
    public boolean generatorStartsWith(String prefix) {
        return generatorId.startsWith(prefix);
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
