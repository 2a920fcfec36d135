package dev.srm.engine;

import dev.srm.facts.PolicyStatement;
import dev.srm.facts.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the IAM policy documents in a resource's settings into {@link PolicyStatement} facts:
 * every {@code ...Statement[i]} (or a single {@code ...Statement} object) becomes one statement.
 * The settings stay as they are; the statements are a second, IAM-shaped view of them.
 */
final class PolicyDocuments {
    private static final Pattern STATEMENT = Pattern.compile("(?:^|\\.)Statement(?:\\[(\\d+)\\])?(?=\\.|$)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]$");
    /** Where the inputs hold a whole policy document (the last segment of its path). */
    private static final java.util.Set<String> DOCUMENTS = java.util.Set.of("PolicyDocument", "Policy", "KeyPolicy",
            "AssumeRolePolicyDocument", "functionPolicy", "bucketPolicyDocument", "queuePolicyDocument", "topicPolicyDocument", "RepositoryPolicyText", "FileSystemPolicy", "PolicyText",
            "AccessPolicies", "ResourcePolicy");

    private PolicyDocuments() {
    }

    private static final class Builder {
        String effect;
        final List<String> principals = new ArrayList<>();
        boolean notPrincipal;
        final List<String> actions = new ArrayList<>();
        boolean notAction;
        final List<String> resources = new ArrayList<>();
        boolean notResource;
        final Map<String, List<String>> conditions = new LinkedHashMap<>();
        boolean unknown;
    }

    /** The statements of every policy document among one resource's settings, in document and index order. */
    static List<PolicyStatement> statements(String resource, List<Setting> settings) {
        Map<String, Builder> byStatement = new LinkedHashMap<>();
        for (Setting s : settings) {
            Matcher m = STATEMENT.matcher(s.path());
            if (!m.find() || s.path().contains("=")) {
                if (s.isUnknown() && !s.path().contains("=") && DOCUMENTS.contains(s.path().substring(s.path().lastIndexOf('.') + 1))) {
                    // a whole document known only after apply (a plan's policy = data.aws_iam_policy_document.x.json):
                    // its statements are unknown, not absent
                    byStatement.computeIfAbsent(s.path() + "#0", k -> new Builder()).unknown = true;
                }
                continue; // not in a policy document, or a [Key=...] view of an element read by its index
            }
            String document = s.path().substring(0, m.start());
            String index = m.group(1) == null ? "0" : m.group(1);
            String rest = m.end() < s.path().length() ? s.path().substring(m.end() + 1) : "";
            Builder b = byStatement.computeIfAbsent(document + "#" + index, k -> new Builder());
            String field = INDEX.matcher(rest).replaceAll("");
            String value = s.value();
            boolean unknown = s.isUnknown();
            if (field.isEmpty()) {
                b.unknown |= unknown; // the statement, or the whole list of them, known only after apply
            } else if (field.equals("Effect")) {
                b.effect = value;
                b.unknown |= unknown;
            } else if (field.equals("Principal") || field.startsWith("Principal.") || field.equals("NotPrincipal")
                    || field.startsWith("NotPrincipal.")) {
                boolean not = field.startsWith("Not");
                b.notPrincipal |= not;
                int dot = field.indexOf('.');
                b.principals.add(dot < 0 ? value : stripIndex(field.substring(dot + 1)) + ":" + value);
                b.unknown |= unknown;
            } else if (field.equals("Action") || field.equals("NotAction")) {
                b.notAction |= field.startsWith("Not");
                b.actions.add(value);
                b.unknown |= unknown;
            } else if (field.equals("Resource") || field.equals("NotResource")) {
                b.notResource |= field.startsWith("Not");
                b.resources.add(value); // often an intrinsic: kept as text, not a reason for unknown
            } else if (field.startsWith("Condition.")) {
                String c = field.substring("Condition.".length());
                int dot = c.indexOf('.');
                if (dot > 0) {
                    b.conditions.computeIfAbsent(c.substring(0, dot) + "\u0000" + c.substring(dot + 1), k -> new ArrayList<>()).add(value);
                } else {
                    b.conditions.computeIfAbsent(c + "\u0000", k -> new ArrayList<>()).add(value);
                }
                // an unknown condition value still narrows the statement: it does not make the statement unknown
            }
        }
        List<PolicyStatement> out = new ArrayList<>();
        byStatement.forEach((key, b) -> {
            int hash = key.lastIndexOf('#');
            List<PolicyStatement.Condition> conditions = new ArrayList<>();
            b.conditions.forEach((k, v) -> {
                String[] parts = k.split("\u0000", -1);
                conditions.add(new PolicyStatement.Condition(parts[0], parts[1], v));
            });
            out.add(new PolicyStatement(resource, key.substring(0, hash), Integer.parseInt(key.substring(hash + 1)), b.effect,
                    b.principals, b.notPrincipal, b.actions, b.notAction, b.resources, b.notResource, conditions, b.unknown));
        });
        return out;
    }

    private static String stripIndex(String s) {
        return INDEX.matcher(s).replaceAll("");
    }
}
