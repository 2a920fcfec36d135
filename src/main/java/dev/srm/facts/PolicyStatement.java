package dev.srm.facts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One statement of an IAM policy document in a resource's configuration (a bucket policy's
 * {@code PolicyDocument}, a role's inline {@code Policies[0].PolicyDocument}), read the way IAM
 * reads it: {@code effect} Allow or Deny; principals as {@code "*"} or {@code type:value}
 * ({@code AWS:*}, {@code Service:lambda.amazonaws.com}); actions, resources and conditions as
 * written (a single string is a one-element list). {@code not*} flags mark NotPrincipal,
 * NotAction and NotResource. {@code unknown} is set when a part that decides whom and what the
 * statement covers (effect, principal, action) is a value the input could not determine; an
 * unknown condition value is kept as a condition (it narrows the statement).
 * See docs/controls.md, "IAM policy documents".
 */
public record PolicyStatement(String resource, String document, int index, String effect, List<String> principals,
                              boolean notPrincipal, List<String> actions, boolean notAction, List<String> resources,
                              boolean notResource, List<Condition> conditions, boolean unknown) {
    /** One condition: {@code Bool} / {@code aws:SecureTransport} / {@code [false]}. */
    public record Condition(String operator, String key, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    public PolicyStatement {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(document, "document");
        principals = List.copyOf(principals);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public boolean allows() {
        return "Allow".equalsIgnoreCase(effect);
    }

    public boolean denies() {
        return "Deny".equalsIgnoreCase(effect);
    }

    /** Whether the statement applies to this action: a listed pattern matches it (IAM wildcards {@code *} and {@code ?}, case-insensitive), or with NotAction none does. */
    public boolean coversAction(String action) {
        boolean listed = actions.stream().anyMatch(p -> wildcard(p, action));
        return notAction != listed;
    }

    /** Whether the statement applies to every action of a service prefix ({@code s3}): {@code *}, {@code s3:*}, or a NotAction that names none of them. */
    public boolean coversAllOf(String service) {
        String all = service + ":*";
        if (notAction) {
            return actions.stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).startsWith(service.toLowerCase(Locale.ROOT) + ":") || p.equals("*"));
        }
        return actions.stream().anyMatch(p -> p.equals("*") || p.equalsIgnoreCase(all));
    }

    /** Whether the statement applies to every principal: {@code "*"} or {@code AWS: "*"} (NotPrincipal excluded). */
    public boolean anyPrincipal() {
        return !notPrincipal && principals.stream().anyMatch(p -> p.equals("*") || p.equalsIgnoreCase("AWS:*"));
    }

    /** Whether the statement applies to every resource ({@code *}). */
    public boolean anyResource() {
        return !notResource && resources.stream().anyMatch("*"::equals);
    }

    /** Whether the statement has a condition with this key (case-insensitive, any operator) whose values include the value. */
    public boolean hasCondition(String key, String value) {
        return conditions.stream().anyMatch(c -> c.key().equalsIgnoreCase(key)
                && c.values().stream().anyMatch(value::equalsIgnoreCase));
    }

    /** Allow on every action of every resource without a condition: full administrator rights. */
    public boolean grantsAdmin() {
        return allows() && !unknown && coversAction("*") && actions.stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))
                && anyResource() && conditions.isEmpty();
    }

    /** Allow of every action of one service as written ({@code s3:*}, Security Hub IAM.21); {@code *} alone is {@link #grantsAdmin()}'s. */
    public boolean allowsServiceWildcard() {
        return allows() && !notAction && actions.stream().anyMatch(a -> a.matches("(?i)[a-z0-9-]+:\\*"));
    }

    /** Allow to every principal without a condition that narrows it: public access. */
    public boolean grantsPublic() {
        return allows() && !unknown && anyPrincipal() && conditions.isEmpty();
    }

    /**
     * A Deny of every S3 action to every principal when {@code aws:SecureTransport} is false
     * ({@code Bool} or {@code BoolIfExists}): what Security Hub S3.5 and the Config rule
     * {@code s3-bucket-ssl-requests-only} look for.
     */
    public boolean deniesInsecureTransport() {
        return denies() && !unknown && anyPrincipal() && coversAllOf("s3")
                && conditions.stream().anyMatch(c -> (c.operator().equalsIgnoreCase("Bool") || c.operator().equalsIgnoreCase("BoolIfExists"))
                && c.key().equalsIgnoreCase("aws:SecureTransport") && c.values().stream().anyMatch("false"::equalsIgnoreCase));
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one, case-insensitive. */
    static boolean wildcard(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
