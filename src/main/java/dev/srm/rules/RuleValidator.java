package dev.srm.rules;

import dev.srm.model.RuleInfo;
import dev.srm.model.Layers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule pack's metadata: every rule has a known kind and a title, every rule but the
 * generic resolution rules has a source, controls have a known layer and severity and at
 * least one integration, and layer ids written in DRL are known. Each problem is one
 * {@code file:line: message} line.
 */
public final class RuleValidator {
    /** The kinds of rule srm knows. */
    public static final Set<String> KINDS = Set.of("classification", "responsibility", "control", "evidence", "finding",
            "triage", "resolution", "policy", "duty", "applicability");
    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
    private static final Pattern LAYER_CALL = Pattern.compile(
            "Srm\\.(?:claim|fallback|variant)\\s*\\(\\s*drools\\s*,[^,]+,\\s*\"([^\"]*)\"");

    private static final Pattern REQUIRE_CALL = Pattern.compile("Srm\\.(require|requireFor|requireQ)\\s*\\(");
    private static final Pattern RULE_HEAD = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private RuleValidator() {
    }

    /** A requirement call in DRL: its rule, line and literal arguments (null where an argument is not a string literal). */
    record RequireCall(String file, int line, String rule, String pattern, String quantifier, String op) {
    }

    /** Every {@code Srm.require}, {@code requireFor} and {@code requireQ} call of the DRL files. */
    static List<RequireCall> requireCalls(List<RuleFile> drlFiles) {
        List<RequireCall> out = new ArrayList<>();
        for (RuleFile f : drlFiles) {
            String text = f.content();
            Matcher m = REQUIRE_CALL.matcher(text);
            while (m.find()) {
                List<String> args = arguments(text, m.end());
                String method = m.group(1);
                int first = method.equals("require") ? 2 : 3; // require(drools, res, pattern, op, ...); the others have one more
                String quantifier = method.equals("requireQ") ? literal(args, 2) : "every";
                out.add(new RequireCall(f.origin(), lineOf(text, m.start()), ruleAt(text, m.start()), literal(args, first),
                        quantifier, literal(args, first + 1)));
            }
        }
        return out;
    }

    private static String ruleAt(String text, int offset) {
        Matcher m = RULE_HEAD.matcher(text);
        String name = "?";
        while (m.find() && m.start() < offset) {
            name = m.group(1);
        }
        return name;
    }

    private static String literal(List<String> args, int i) {
        if (i >= args.size()) {
            return null;
        }
        String a = args.get(i).trim();
        return a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"") && !a.substring(1, a.length() - 1).matches(".*[^\\\\]\"\\s*\\+.*")
                ? a.substring(1, a.length() - 1) : null;
    }

    /** The top-level arguments of a call whose '(' ends just before {@code from}. */
    private static List<String> arguments(String text, int from) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    cur.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    out.add(cur.toString());
                    return out;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        return out;
    }

    /**
     * Problems of requirement calls, found before any rule fires: an operator or quantifier srm
     * does not have, and a path written with quote marks (CloudFormation paths are written as
     * they are: {@code Condition.Bool.aws:SecureTransport}).
     */
    static List<String> requirementProblems(List<RuleFile> drlFiles) {
        List<String> problems = new ArrayList<>();
        String ops = java.util.Arrays.stream(dev.srm.facts.Requirement.Op.values()).map(RuleValidator::camel)
                .collect(java.util.stream.Collectors.joining(", "));
        for (RequireCall c : requireCalls(drlFiles)) {
            String at = c.file() + ":" + c.line() + ": rule '" + c.rule() + "': ";
            if (c.op() != null && dev.srm.facts.Requirement.Op.parse(c.op()) == null) {
                problems.add(at + "unknown requirement operator '" + c.op() + "' (one of " + ops + ")");
            }
            if (c.quantifier() != null && java.util.Arrays.stream(dev.srm.facts.Requirement.Quantifier.values())
                    .noneMatch(q -> q.name().equalsIgnoreCase(c.quantifier()))) {
                problems.add(at + "unknown quantifier '" + c.quantifier() + "' (every, some or none)");
            }
            if (c.pattern() != null && c.pattern().contains("\\\"")) {
                problems.add(at + "path '" + c.pattern().replace("\\\"", "\"") + "' has quote marks; write the CloudFormation path as it is");
            }
        }
        return problems;
    }

    /**
     * Controls with a requirement whose absent case nothing decides: the rule does not declare
     * {@code @absent("fails")} or {@code @absent("passes")}, and CloudFormation documents no
     * default for the path on the types the rule names (a presence check never has one).
     * Warnings, not errors, until every control declares it; an undeclared case is read as fails.
     */
    public static List<String> absentCaseWarnings(Collection<RuleInfo> rules, List<RuleFile> drlFiles, CloudFormationSchema schema) {
        java.util.Map<String, List<RequireCall>> calls = new java.util.HashMap<>();
        requireCalls(drlFiles).forEach(c -> calls.computeIfAbsent(c.rule(), k -> new ArrayList<>()).add(c));
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (RuleFile f : drlFiles) {
            texts.put(f.origin(), f.content());
        }
        List<String> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            if (!"control".equals(r.kind()) || !calls.containsKey(r.id()) || !blank(r.meta("absent"))) {
                continue;
            }
            List<String> types = new ArrayList<>();
            // the types the rule judges; those it only reads across (@readsAcross) do not hold the setting
            Matcher m = CFN_TYPE.matcher(READS_ACROSS.matcher(ruleText(texts.getOrDefault(r.file(), ""), r)).replaceAll(""));
            while (m.find()) {
                types.add(m.group(1));
            }
            List<String> undecided = calls.get(r.id()).stream()
                    .filter(c -> !hasDefault(c, types, schema)).map(c -> c.pattern() == null ? "(computed path)" : c.pattern()).toList();
            if (!undecided.isEmpty()) {
                out.add(r.file() + ":" + r.line() + ": rule '" + r.id() + "': no documented default for " + String.join(", ", undecided)
                        + "; declare what an absent setting means (@absent(\"fails\") or @absent(\"passes\"))");
            }
        }
        return out.stream().sorted().toList();
    }

    private static final Pattern CFN_TYPE = Pattern.compile("\"(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)\"");
    private static final Pattern READS_ACROSS = Pattern.compile("@readsAcross(For)?\\([^)]*\\)");

    private static boolean hasDefault(RequireCall c, List<String> types, CloudFormationSchema schema) {
        dev.srm.facts.Requirement.Op op = c.op() == null ? null : dev.srm.facts.Requirement.Op.parse(c.op());
        if (c.pattern() == null || op == null || op == dev.srm.facts.Requirement.Op.PRESENT || op == dev.srm.facts.Requirement.Op.ABSENT
                || op == dev.srm.facts.Requirement.Op.NOT_EMPTY || c.pattern().contains("[*]")) {
            return false;
        }
        return !types.isEmpty() && types.stream().allMatch(t -> schema.defaultOf(t, c.pattern()).map(CloudFormationSchema.PropertyDefault::known).orElse(false));
    }

    private static String camel(dev.srm.facts.Requirement.Op op) {
        String[] parts = op.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    public static List<String> validate(Collection<RuleInfo> rules, List<RuleFile> drlFiles) {
        List<String> problems = new ArrayList<>();
        for (RuleInfo r : rules) {
            String at = r.file() + ":" + r.line() + ": rule '" + r.id() + "': ";
            String kind = r.meta("kind");
            if (kind == null || kind.isBlank()) {
                problems.add(at + "missing @kind metadata (one of " + String.join(", ", KINDS.stream().sorted().toList()) + ")");
            } else if (!KINDS.contains(kind)) {
                problems.add(at + "unknown @kind '" + kind + "' (one of " + String.join(", ", KINDS.stream().sorted().toList()) + ")");
            }
            if (blank(r.meta("title"))) {
                problems.add(at + "missing @title metadata");
            }
            if (!"resolution".equals(kind) && blank(r.source())) {
                problems.add(at + "missing @source metadata (the URL of the documentation that states it)");
            } else if (!blank(r.source()) && !r.source().startsWith("https://")) {
                problems.add(at + "@source must be an https:// URL, got '" + r.source() + "'");
            }
            if (r.severity() != null && !SEVERITIES.contains(r.severity())) {
                problems.add(at + "unknown @severity '" + r.severity() + "' (CRITICAL, HIGH, MEDIUM, LOW or INFO)");
            }
            if (r.layer() != null && !Layers.isKnown(r.layer())) {
                problems.add(at + "unknown @layer '" + r.layer() + "' (one of " + String.join(", ", Layers.ALL) + ")");
            }
            if ("control".equals(kind)) {
                if (r.severity() == null) {
                    problems.add(at + "a control needs @severity");
                }
                if (r.layer() == null) {
                    problems.add(at + "a control needs @layer");
                }
                if (r.integrations().isEmpty()) {
                    problems.add(at + "a control needs at least one of @integrations (the AWS services that implement or evidence it)");
                }
                if (blank(r.remediation())) {
                    problems.add(at + "a control needs @remediation");
                }
            }
            if ("control".equals(kind) && !blank(r.meta("absent")) && !List.of("fails", "passes").contains(r.meta("absent"))) {
                problems.add(at + "@absent must be 'fails' or 'passes', got '" + r.meta("absent") + "'");
            }
            if ("finding".equals(kind) && r.severity() == null) {
                problems.add(at + "a finding rule needs @severity");
            }
        }
        problems.addAll(requirementProblems(drlFiles));
        for (RuleFile f : drlFiles) {
            Matcher m = LAYER_CALL.matcher(f.content());
            while (m.find()) {
                if (!Layers.isKnown(m.group(1))) {
                    problems.add(f.origin() + ":" + lineOf(f.content(), m.start(1)) + ": unknown layer '" + m.group(1)
                            + "' (one of " + String.join(", ", Layers.ALL) + ")");
                }
            }
        }
        return problems.stream().sorted().toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static int lineOf(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The DRL text of a rule in the file that holds it. A rule compiled from a data row
     * ({@code @row}) points at the row of its data file, so its declaration is found by name.
     */
    public static String ruleText(String content, dev.srm.model.RuleInfo rule) {
        if (rule.meta("row") == null) {
            return ruleText(content, rule.line());
        }
        int at = content.indexOf("rule \"" + rule.id() + "\"");
        return at < 0 ? "" : ruleText(content, 1 + (int) content.substring(0, at).chars().filter(c -> c == '\n').count());
    }

    /** The DRL text of a rule, from its {@code rule "id"} line to its {@code end}. */
    public static String ruleText(String content, int line) {
        List<String> lines = content.lines().toList();
        if (line < 1 || line > lines.size()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = line - 1; i < lines.size(); i++) {
            b.append(lines.get(i)).append('\n');
            if (i > line - 1 && lines.get(i).trim().equals("end")) {
                break;
            }
        }
        return b.toString();
    }
}
