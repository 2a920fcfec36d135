package dev.srm.input.terraform;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One resource instance of a plan or state: its address ({@code module.net.aws_vpc.main[0]}),
 * the address of the configuration block it comes from (instance keys removed), its type,
 * provider, index key, attribute values (unknown ones hold the unknown marker) and the JSON
 * pointer where it is.
 */
record Instance(String address, String configAddress, String type, String provider, String indexKey, ObjectNode values,
                String pointer) {
    Instance {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
    }

    /** The address without instance keys: the configuration block's address. */
    static String configAddressOf(String address) {
        return address.replaceAll("\\[(\"([^\"\\\\]|\\\\.)*\"|\\d+)\\]", "");
    }

    /**
     * The module instance the resource instance is in, with its keys ({@code module.site["public"]}),
     * or empty in the root module: resources of one module instance refer to one another.
     */
    String moduleInstance() {
        int i = address.lastIndexOf(type + ".");
        return i <= 0 ? "" : address.substring(0, i - 1);
    }

    /** The module path of the instance ({@code module.net}), or empty in the root module. */
    String modulePath() {
        int i = configAddress.lastIndexOf("." + type + ".");
        return i < 0 ? "" : configAddress.substring(0, i);
    }

    private static final java.util.regex.Pattern LEGACY_PROVIDER =
            java.util.regex.Pattern.compile("(?:module\\.[^\\[\\]\"]*?\\.)?provider\\.([A-Za-z0-9_-]+)(?:\\.[A-Za-z0-9_-]+)?");
    private static final java.util.regex.Pattern PROVIDER = java.util.regex.Pattern.compile("provider\\[\"?([^\"\\]]*)\"?\\]");

    /** The provider's name without registry and quotes: {@code hashicorp/aws}, or {@code aws} as Terraform 0.12 wrote it. */
    static String providerSource(String provider) {
        if (provider == null) {
            return "";
        }
        // Terraform 0.12 wrote provider.aws, provider.aws.west, module.net.provider.aws
        java.util.regex.Matcher legacy = LEGACY_PROVIDER.matcher(provider.trim());
        if (legacy.matches()) {
            return legacy.group(1);
        }
        // 0.13 and later: provider["registry.terraform.io/hashicorp/aws"], with .alias after it, module.net. before it
        java.util.regex.Matcher current = PROVIDER.matcher(provider);
        String p = current.find() ? current.group(1) : provider;
        String[] parts = p.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : p;
    }

    /** Whether the instance belongs to the AWS provider. */
    boolean isAws() {
        String source = providerSource(provider);
        return source.isEmpty() ? type.startsWith("aws_") : source.equals("aws") || source.endsWith("/aws");
    }

    /** The srm id: the address with instance keys written {@code /0} or {@code /key}, and only the characters ids may hold. */
    String srmId() {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\"(([^\"\\\\]|\\\\.)*)\"|(\\d+))\\]").matcher(address);
        int last = 0;
        while (m.find()) {
            b.append(address, last, m.start()).append('/').append(m.group(2) != null ? m.group(2) : m.group(4));
            last = m.end();
        }
        b.append(address.substring(last));
        return b.toString().replaceAll("[^A-Za-z0-9._:/-]", "_");
    }
}
