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

        /**
         * Whether the condition limits the statement to fixed values of a key that says who or
         * where the request comes from: a restricting operator ({@code ForAnyValue:} allowed), no
         * wildcard and no policy variable in a value, and for {@code aws:SourceIp} no range wider
         * than a /8. A value the input could not determine counts as fixed (it narrows the
         * statement, as before: the statement is not public on an unknown).
         */
        public boolean fixesWho() {
            String op = operator.toLowerCase(Locale.ROOT);
            if (op.startsWith("foranyvalue:")) {
                op = op.substring("foranyvalue:".length());
            }
            if (!RESTRICTING.contains(op) || !FIXED_VALUE_KEYS.contains(key.toLowerCase(Locale.ROOT)) || values.isEmpty()) {
                return false;
            }
            for (String v : values) {
                if (v == null) {
                    return false;
                }
                if (v.startsWith("${unknown")) {
                    continue;
                }
                if (v.contains("*") || v.contains("?") || v.contains("${")) {
                    return false;
                }
                if (key.equalsIgnoreCase("aws:SourceIp")) {
                    int slash = v.indexOf('/');
                    int bits;
                    try {
                        bits = slash < 0 ? 32 : Integer.parseInt(v.substring(slash + 1).strip());
                    } catch (NumberFormatException e) {
                        return false;
                    }
                    if (bits < 8) {
                        return false;
                    }
                }
            }
            return true;
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

    /** The statement's actions as evidence writes them: {@code [s3:GetObject]}, or {@code every action but [s3:GetObject]} for NotAction. */
    public String actionsText() {
        return (notAction ? "every action but " : "") + actions;
    }

    public boolean allows() {
        return "Allow".equalsIgnoreCase(effect);
    }

    /**
     * Whether an Allow statement lets the Amazon S3 service principal in without a condition naming the
     * source account ({@code aws:SourceAccount} or {@code aws:SourceOwner}): bucket names are global, so
     * a bucket of any account could then invoke or write to the resource (Lambda.1: "invoked from Amazon
     * S3, and the policy doesn't include a condition to limit public access, such as AWS:SourceAccount").
     */
    public boolean s3WithoutSourceAccount() {
        return allows() && !notPrincipal && principals.stream().anyMatch(p -> p.equalsIgnoreCase("Service:s3.amazonaws.com"))
                && conditions.stream().noneMatch(c -> c.key().equalsIgnoreCase("aws:SourceAccount") || c.key().equalsIgnoreCase("aws:SourceOwner"));
    }

    public boolean denies() {
        return "Deny".equalsIgnoreCase(effect);
    }

    /** Whether the statement applies to this action: a listed pattern matches it (IAM wildcards {@code *} and {@code ?}, case-insensitive), or with NotAction none does. */
    public boolean coversAction(String action) {
        boolean listed = actions.stream().anyMatch(p -> wildcard(p, action));
        return notAction != listed;
    }

    /** Whether an action the statement lists (not NotAction) matches the regular expression: {@code s3:GetObjectVersion} for {@code (?i)s3:get[a-z]*}. */
    public boolean listsActionMatching(String regex) {
        return !notAction && actions.stream().anyMatch(a -> a != null && a.matches(regex));
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

    /**
     * Whether the statement applies to arbitrary resources: {@code *}, or a NotResource that
     * leaves out only the resources it names (every other key of every account, for a KMS
     * permission: Security Hub KMS.1 and KMS.2 fail a policy "open enough to allow kms:Decrypt ...
     * on any arbitrary KMS key").
     */
    public boolean arbitraryResources() {
        return anyResource() || notResource && !resources.isEmpty() && resources.stream().noneMatch("*"::equals);
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

    /**
     * Allow of every action of one service as written ({@code s3:*}, Security Hub IAM.21), or an
     * Allow with {@code NotAction: service:*}, which "provides access to all of the actions in an AWS
     * service, except for the actions specified in NotAction" (IAM.21 fails it too); {@code *}
     * alone is {@link #grantsAdmin()}'s.
     */
    public boolean allowsServiceWildcard() {
        return allows() && actions.stream().anyMatch(a -> a.matches("(?i)[a-z0-9-]+:\\*"));
    }

    /**
     * Allow to every principal without a condition that narrows it to fixed values: public access
     * as S3, IAM Access Analyzer and the Config rules judge it ("The meaning of public": a policy
     * is non-public only if it grants access to fixed values of aws:SourceIp, aws:SourceArn,
     * aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount, aws:userid, ...). An Allow
     * with NotPrincipal allows everyone but the named principals, so it is public too. A condition
     * on another key (aws:SecureTransport, aws:Referer), a negated or IfExists operator, a wildcard
     * or a policy variable leaves the statement public.
     */
    public boolean grantsPublic() {
        return allows() && !unknown && (anyPrincipal() || notPrincipal) && conditions.stream().noneMatch(Condition::fixesWho);
    }

    /** Condition keys whose fixed values restrict who can use a statement, as AWS's public-access analyses accept them. */
    private static final java.util.Set<String> FIXED_VALUE_KEYS = java.util.Set.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
            "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:userid", "aws:principalorgid", "aws:principalaccount",
            "aws:principalarn", "aws:principalorgpaths", "aws:sourceorgid", "aws:sourceorgpaths", "s3:dataaccesspointarn",
            "s3:dataaccesspointaccount", "kms:calleraccount", "lambda:functionarn");
    /** Operators that hold only for the listed values (IfExists variants pass when the key is absent, so they do not restrict). */
    private static final java.util.Set<String> RESTRICTING = java.util.Set.of("stringequals", "stringequalsignorecase", "stringlike",
            "arnequals", "arnlike", "ipaddress");

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

    private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("^AWS:(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\\d{12})(?::.*)?$");

    /**
     * The 12-digit accounts the statement's AWS principals name, as written: {@code AWS:111122223333},
     * {@code AWS:arn:aws:iam::111122223333:root} or a role or user of that account.
     */
    public java.util.Set<String> principalAccounts() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String p : principals) {
            java.util.regex.Matcher m = p == null ? null : ACCOUNT.matcher(p);
            if (m != null && m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
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
