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
            "triage", "resolution", "policy", "duty");
    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
    private static final Pattern LAYER_CALL = Pattern.compile(
            "Srm\\.(?:claim|fallback|variant)\\s*\\(\\s*drools\\s*,[^,]+,\\s*\"([^\"]*)\"");

    private RuleValidator() {
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
            if ("finding".equals(kind) && r.severity() == null) {
                problems.add(at + "a finding rule needs @severity");
            }
        }
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
