package dev.srm.report.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputProblem;
import dev.srm.model.ResourceResult;
import dev.srm.report.Json;
import dev.srm.model.RuleInfo;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code audit.sarif}: SARIF 2.1.0 for code-scanning tools. One run; the driver lists every
 * control and finding rule of the pack (id, title, severity as level, help with remediation
 * and source URL); one result per finding, located at the scenario file and the line where
 * the resource starts (the file alone for account-wide findings, a logical location only for
 * scenarios read from standard input); failed inputs are error notifications of the
 * invocation, which is then not successful.
 */
final class SarifAuditRenderer implements AuditRenderer {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final Pattern WHERE = Pattern.compile("^(\\d+)(?::(\\d+))?");

    private final Writer out;
    private final List<RuleInfo> rules = new ArrayList<>();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private JsonGenerator g;

    SarifAuditRenderer(Writer out, AuditCatalog catalog) {
        this.out = out;
        rules.addAll(catalog.controls());
        rules.addAll(catalog.findingRules());
        rules.sort(Comparator.comparing(RuleInfo::id));
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
    }

    /** error for critical and high, warning for medium, note for low and info. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** The numeric score code-scanning tools sort by (GitHub: 9+ critical, 7+ high, 4+ medium, above 0 low). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    private JsonGenerator generator() throws IOException {
        if (g == null) {
            g = Json.generator(out);
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeFieldName("tool");
            g.writeTree(tool());
            g.writeArrayFieldStart("results");
        }
        return g;
    }

    private ObjectNode tool() {
        ObjectNode tool = Json.MAPPER.createObjectNode();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", "srm");
        driver.put("fullName", "srm: the AWS Shared Responsibility Model, as executable rules");
        ArrayNode list = driver.putArray("rules");
        for (RuleInfo r : rules) {
            ObjectNode n = list.addObject();
            n.put("id", r.id());
            n.putObject("shortDescription").put("text", r.title());
            String layer = r.layer() == null ? "" : " Layer: " + r.layer() + ".";
            n.putObject("fullDescription").put("text", r.title() + "." + layer);
            String source = httpUri(r.source());
            if (source != null) {
                n.put("helpUri", source);
            }
            ObjectNode help = n.putObject("help");
            String fix = r.remediation() == null ? r.title() + "." : r.remediation();
            help.put("text", source == null ? fix : fix + " See " + source);
            help.put("markdown", source == null ? fix : fix + "\n\n[AWS documentation](" + source + ")");
            Severity severity = severity(r.severity());
            if (severity != null) {
                n.putObject("defaultConfiguration").put("level", level(severity));
            }
            ObjectNode props = n.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("security");
            if (r.layer() != null) {
                tags.add(r.layer());
            }
            if (severity != null) {
                props.put("security-severity", securitySeverity(severity));
                props.put("severity", severity.name());
            }
            props.put("kind", r.kind());
            strings(props.putArray("securityHub"), r.securityHub());
            strings(props.putArray("configRules"), r.configRules());
            strings(props.putArray("integrations"), r.integrations());
        }
        return tool;
    }

    @Override
    public void scenario(Evaluation e) throws IOException {
        JsonGenerator gen = generator();
        Map<String, Integer> lines = new HashMap<>();
        for (ResourceResult r : e.resources()) {
            lines.put(r.id(), r.line());
        }
        for (FindingResult f : e.findings()) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("ruleId", f.rule());
            Integer index = ruleIndex.get(f.rule());
            if (index != null) {
                n.put("ruleIndex", index);
            }
            n.put("level", level(f.severity()));
            String where = ControlRow.ACCOUNT.equals(f.resource()) ? "the account" : "resource '" + f.resource() + "'";
            String text = f.title() + ": " + where + " of scenario '" + e.scenario().id() + "' (" + f.owner() + " owns "
                    + f.layer() + ")." + (f.remediation() == null ? "" : " Fix: " + f.remediation());
            n.putObject("message").put("text", text);
            ObjectNode location = n.putArray("locations").addObject();
            ObjectNode artifact = artifact(e.scenario().file());
            if (artifact != null) {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.set("artifactLocation", artifact);
                int line = lines.getOrDefault(f.resource(), 0);
                if (line > 0) {
                    physical.putObject("region").put("startLine", line);
                }
            }
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", f.resource());
            logical.put("fullyQualifiedName", e.scenario().id() + "/" + f.resource());
            logical.put("kind", "resource");
            n.putObject("partialFingerprints").put("srmFinding/v1", e.scenario().id() + "/" + f.id());
            ObjectNode props = n.putObject("properties");
            props.put("scenario", e.scenario().id());
            props.put("resource", f.resource());
            props.put("owner", f.owner());
            props.put("layer", f.layer());
            props.put("severity", f.severity().name());
            gen.writeTree(n);
        }
    }

    @Override
    public void finish(Portfolio portfolio) throws IOException {
        JsonGenerator gen = generator();
        gen.writeEndArray();
        ObjectNode invocation = Json.MAPPER.createObjectNode();
        invocation.put("executionSuccessful", portfolio.failures().isEmpty());
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        for (InputProblem p : portfolio.failures()) {
            ObjectNode n = notes.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", p.toString());
            ObjectNode artifact = artifact(p.file());
            if (artifact != null) {
                ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
                physical.set("artifactLocation", artifact);
                Matcher m = WHERE.matcher(p.where());
                if (m.find() && Integer.parseInt(m.group(1)) > 0) {
                    ObjectNode region = physical.putObject("region");
                    region.put("startLine", Integer.parseInt(m.group(1)));
                    if (m.group(2) != null && Integer.parseInt(m.group(2)) > 0) {
                        region.put("startColumn", Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        gen.writeArrayFieldStart("invocations");
        gen.writeTree(invocation);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
        out.flush();
    }

    /**
     * Where a scenario file is, as SARIF wants it: a relative path as a URI reference against
     * {@code %SRCROOT%}, an absolute path as a file URI; null for a line of standard input.
     */
    static ObjectNode artifact(String file) {
        if (file == null || file.startsWith("<stdin>")) {
            return null;
        }
        String path = file.replace('\\', '/');
        ObjectNode n = Json.MAPPER.createObjectNode();
        boolean windowsDrive = path.matches("^[A-Za-z]:/.*");
        if (path.startsWith("/") || windowsDrive) {
            n.put("uri", "file://" + (windowsDrive ? "/" : "") + encodePath(path));
        } else {
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            n.put("uri", encodePath(path));
            n.put("uriBaseId", "%SRCROOT%");
        }
        return n;
    }

    /** Percent-encodes every byte of a path but unreserved characters, '/' and a drive colon. */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean driveColon = b == ':' && i == 1 && Character.isLetter(path.charAt(0)) && path.length() > 2 && path.charAt(2) == '/';
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || "-._~/".indexOf(b) >= 0 || driveColon) {
                sb.append((char) b);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b));
            }
        }
        return sb.toString();
    }

    /** An absolute http(s) URI, or null: helpUri must be one. */
    private static String httpUri(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(s.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Severity severity(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }
}
