package dev.srm.report.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputProblem;
import dev.srm.model.Origin;
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
 * and source URL); one result per finding, located at the file and line the resource was read
 * from (its origin: a nested stack's own template, a plan's resource; the pointer, address, ARN and
 * capture time go in the result's properties) (the scenario file alone for account-wide findings, a logical location only for
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
            g.writeObject(new Sarif.Tool(new Sarif.Driver("srm", "srm: the AWS Shared Responsibility Model, as executable rules",
                    rules.stream().map(SarifAuditRenderer::rule).toList())));
            g.writeArrayFieldStart("results");
        }
        return g;
    }

    private static Sarif.Rule rule(RuleInfo r) {
        String source = httpUri(r.source());
        String fix = r.remediation() == null ? r.title() + "." : r.remediation();
        Severity severity = severity(r.severity());
        List<String> tags = new ArrayList<>(List.of("security"));
        if (r.layer() != null) {
            tags.add(r.layer());
        }
        return new Sarif.Rule(r.id(), new Sarif.Message(r.title()),
                new Sarif.Message(r.title() + "." + (r.layer() == null ? "" : " Layer: " + r.layer() + ".")), source,
                new Sarif.Help(source == null ? fix : fix + " See " + source,
                        source == null ? fix : fix + "\n\n[AWS documentation](" + source + ")"),
                severity == null ? null : new Sarif.Configuration(level(severity)),
                new Sarif.RuleProperties(tags, severity == null ? null : securitySeverity(severity),
                        severity == null ? null : severity.name(), r.kind(), r.securityHub(), r.configRules(), r.integrations()));
    }

    @Override
    public void scenario(Evaluation e) throws IOException {
        JsonGenerator gen = generator();
        Map<String, Origin> origins = e.origins();
        for (FindingResult f : e.findings()) {
            String where = ControlRow.ACCOUNT.equals(f.resource()) ? "the account" : "resource '" + f.resource() + "'";
            String text = f.title() + ": " + where + " of scenario '" + e.scenario().id() + "' (" + f.owner() + " must act; "
                    + f.layer() + " is run by " + (f.layerParty() == null ? "no party decided" : f.layerParty()) + ")." + (f.remediation() == null ? "" : " Fix: " + f.remediation());
            Origin origin = origins.getOrDefault(f.resource(), Origin.at(e.scenario().file(), 0, null));
            Sarif.ArtifactLocation artifact = artifact(origin.file());
            int line = origin.line();
            Sarif.PhysicalLocation physical = artifact == null ? null
                    : new Sarif.PhysicalLocation(artifact, line > 0 ? new Sarif.Region(line, null) : null);
            Sarif.LogicalLocation logical = new Sarif.LogicalLocation(f.resource(), e.scenario().id() + "/" + f.resource(), "resource");
            gen.writeObject(new Sarif.Result(f.rule(), ruleIndex.get(f.rule()), level(f.severity()), new Sarif.Message(text),
                    List.of(new Sarif.Location(physical, List.of(logical))),
                    new Sarif.Fingerprints(e.scenario().id() + "/" + f.id(), f.fingerprint()), suppressions(f),
                    f.novelty() == null ? null : switch (f.novelty()) {
                        case NEW -> "new";
                        case REOPENED -> "updated"; // present in both, its state changed: a waiver no longer hides it
                        default -> "unchanged";
                    },
                    new Sarif.ResultProperties(e.scenario().id(), f.resource(), name(f.owner()), f.layer(), name(f.layerParty()), f.severity().name(),
                            f.status().name(), waiver(f.waiver()), origin(origin))));
        }
    }

    /** A waiver in force as a SARIF suppression (kind external, accepted, with its justification); none otherwise. */
    private static List<Sarif.Suppression> suppressions(FindingResult f) {
        return f.counts() ? null : List.of(new Sarif.Suppression("external", "accepted", f.waiver().describe()));
    }

    /** What a region cannot say about where the resource came from: its pointer, address, ARN, capture time, account and Region. */
    private static Sarif.Origin origin(Origin o) {
        return new Sarif.Origin(o.describe(), o.pointer(), o.address(), o.arn(), o.capturedAt(), o.account(), o.region());
    }

    private static Sarif.Waiver waiver(dev.srm.model.WaiverNote w) {
        return w == null ? null : new Sarif.Waiver(w.owner(), w.expires().toString(), w.state().name(), w.ticket(), w.reason(), w.origin());
    }

    @Override
    public void finish(Portfolio portfolio) throws IOException {
        JsonGenerator gen = generator();
        gen.writeEndArray();
        List<Sarif.Notification> notes = portfolio.failures().stream().map(SarifAuditRenderer::notification).toList();
        gen.writeArrayFieldStart("invocations");
        gen.writeObject(new Sarif.Invocation(portfolio.failures().isEmpty(), notes));
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
        out.flush();
    }

    /** A failed input as an error notification, at the line and column the problem names when there are some. */
    private static Sarif.Notification notification(InputProblem p) {
        Sarif.ArtifactLocation artifact = artifact(p.file());
        List<Sarif.Location> locations = null;
        if (artifact != null) {
            Sarif.Region region = null;
            Matcher m = WHERE.matcher(p.where());
            if (m.find() && Integer.parseInt(m.group(1)) > 0) {
                Integer column = m.group(2) != null && Integer.parseInt(m.group(2)) > 0 ? Integer.valueOf(m.group(2)) : null;
                region = new Sarif.Region(Integer.parseInt(m.group(1)), column);
            }
            locations = List.of(new Sarif.Location(new Sarif.PhysicalLocation(artifact, region), null));
        }
        return new Sarif.Notification("error", new Sarif.Message(p.toString()), locations);
    }

    /**
     * Where a scenario file is, as SARIF wants it: a relative path as a URI reference against
     * {@code %SRCROOT%}, an absolute path as a file URI; null for a line of standard input.
     */
    static Sarif.ArtifactLocation artifact(String file) {
        if (file == null || file.startsWith("<stdin>")) {
            return null;
        }
        String path = file.replace('\\', '/');
        boolean windowsDrive = path.matches("^[A-Za-z]:/.*");
        if (path.startsWith("/") || windowsDrive) {
            return new Sarif.ArtifactLocation("file://" + (windowsDrive ? "/" : "") + encodePath(path), null);
        }
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return new Sarif.ArtifactLocation(encodePath(path), "%SRCROOT%");
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

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
