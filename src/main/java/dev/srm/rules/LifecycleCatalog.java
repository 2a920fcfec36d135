package dev.srm.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.facts.Lifecycle;
import dev.srm.facts.LifecycleVersion;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The lifecycle data of a pack: every data file with a {@code lifecycle:} object (the bundled
 * ones are {@code catalog/lifecycle/*.yaml}, described in docs/lifecycle.md), read into facts
 * the rules of {@code core/lifecycle.drl} judge. Each file is checked here: a known match kind
 * and duty, an AWS source, ISO dates, an engine on every version where the file reads one. A
 * problem is one line naming the file, the line and the field.
 */
public final class LifecycleCatalog {
    private static final Pattern SOURCE = Pattern.compile("^https://(docs\\.aws\\.amazon\\.com|aws\\.amazon\\.com)/\\S+$");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final List<String> VERSION_KEYS = List.of("version", "engine", "endOfSupport", "extendedSupportEnd", "blockCreate",
            "blockUpdate", "source", "note");

    private final List<Lifecycle> files;
    private final List<LifecycleVersion> versions;

    private LifecycleCatalog(List<Lifecycle> files, List<LifecycleVersion> versions) {
        this.files = List.copyOf(files);
        this.versions = List.copyOf(versions);
    }

    /** Every lifecycle file, in the pack's order. */
    public List<Lifecycle> files() {
        return files;
    }

    /** Every version entry of every file, in file order. */
    public List<LifecycleVersion> versions() {
        return versions;
    }

    /**
     * Reads the lifecycle files of a pack; {@code duties} are the duty ids of its catalogue.
     * Throws with one {@code file:line: lifecycle.field: problem} per problem.
     */
    public static LifecycleCatalog load(RuleSources sources, Set<String> duties) throws RulesException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> problems = new ArrayList<>();
        List<Lifecycle> files = new ArrayList<>();
        List<LifecycleVersion> versions = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (RuleSources.DataTree t : sources.objectTrees()) {
            if (!t.root().has("lifecycle")) {
                continue;
            }
            Map<String, Integer> lines;
            try {
                lines = lines(yaml, t.file().content());
            } catch (IOException e) {
                continue; // the tree was read, so the text reads too
            }
            new FileReader(t.file(), t.root().get("lifecycle"), lines, duties, problems).read(files, versions, ids);
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new LifecycleCatalog(files, versions);
    }

    /** Reads one file, adding what is sound and a problem for each field that is not. */
    private record FileReader(RuleFile file, JsonNode node, Map<String, Integer> lines, Set<String> duties, List<String> problems) {
        void read(List<Lifecycle> files, List<LifecycleVersion> versions, Map<String, String> ids) {
            if (!node.isObject()) {
                problem("/lifecycle", "lifecycle", "expected an object with id, types, property, match, duty, control, source and versions");
                return;
            }
            int before = problems.size();
            String id = required("id");
            List<String> types = new ArrayList<>();
            JsonNode t = node.get("types");
            if (t == null || !t.isArray() || t.isEmpty()) {
                problem("/lifecycle/types", "lifecycle.types", "expected a list of CloudFormation types");
            } else {
                t.forEach(x -> types.add(x.asText()));
            }
            String property = required("property");
            String matchText = required("match");
            Lifecycle.Match match = null;
            if (matchText != null) {
                try {
                    match = Lifecycle.Match.valueOf(matchText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem("/lifecycle/match", "lifecycle.match", "unknown match kind '" + matchText + "' (expected exact, prefix or pattern)");
                }
            }
            String engineProperty = text(node, "engineProperty");
            // one duty id, or a list of them (a Lambda runtime is its OS and its language runtime)
            List<String> dutyIds = new ArrayList<>();
            JsonNode d = node.get("duty");
            if (d != null && d.isArray()) {
                d.forEach(x -> dutyIds.add(x.asText()));
                if (dutyIds.isEmpty()) {
                    problem("/lifecycle/duty", "lifecycle.duty", "expected a duty id or a list of them, found an empty list");
                }
            } else {
                String duty = required("duty");
                if (duty != null) {
                    dutyIds.add(duty);
                }
            }
            for (String duty : dutyIds) {
                if (!duties.contains(duty)) {
                    problem("/lifecycle/duty", "lifecycle.duty", "unknown duty id '" + duty + "' (the duties are in catalog/duties.yaml)");
                }
            }
            String control = required("control");
            String source = text(node, "source");
            if (source == null || !SOURCE.matcher(source).matches()) {
                problem("/lifecycle/source", "lifecycle.source",
                        source == null ? "missing source (the https page of docs.aws.amazon.com or aws.amazon.com that states the dates)"
                                : "expected the https page of docs.aws.amazon.com or aws.amazon.com that states the dates, found '" + source + "'");
            }
            if (id != null && ids.putIfAbsent(id, file.origin()) != null) {
                problem("/lifecycle/id", "lifecycle.id", "a second lifecycle '" + id + "' (first in " + ids.get(id) + ")");
            }
            JsonNode list = node.get("versions");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem("/lifecycle/versions", "lifecycle.versions", "expected a list of versions");
                return;
            }
            List<LifecycleVersion> read = new ArrayList<>();
            Set<String> engines = new LinkedHashSet<>();
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                LifecycleVersion v = version(list.get(i), i, id, match, engineProperty, source, seen);
                if (v != null) {
                    read.add(v);
                    if (v.engine() != null) {
                        engines.add(v.engine());
                    }
                }
            }
            if (problems.size() > before) {
                return;
            }
            files.add(new Lifecycle(id, text(node, "service"), types, property, engineProperty, List.copyOf(engines), match, dutyIds, control,
                    source, file.origin()));
            versions.addAll(read);
        }

        private LifecycleVersion version(JsonNode v, int i, String id, Lifecycle.Match match, String engineProperty, String fileSource,
                                         Set<String> seen) {
            String at = "/lifecycle/versions/" + i;
            String field = "lifecycle.versions[" + i + "]";
            if (!v.isObject()) {
                problem(at, field, "expected an object with version and endOfSupport");
                return null;
            }
            int before = problems.size();
            v.fieldNames().forEachRemaining(k -> {
                if (!VERSION_KEYS.contains(k)) {
                    problem(at + "/" + k, field + "." + k, "unknown key (expected one of " + String.join(", ", VERSION_KEYS) + ")");
                }
            });
            String version = text(v, "version");
            if (version == null || version.isEmpty()) {
                problem(at, field + ".version", "missing version");
            } else if (match == Lifecycle.Match.PATTERN) {
                try {
                    Pattern.compile(version);
                } catch (PatternSyntaxException e) {
                    problem(at + "/version", field + ".version", "not a regular expression: " + e.getDescription());
                }
            }
            String engine = text(v, "engine");
            if (engineProperty != null && engine == null) {
                problem(at, field + ".engine", "missing engine (the file reads the engine from " + engineProperty + ")");
            } else if (engineProperty == null && engine != null) {
                problem(at + "/engine", field + ".engine", "an engine, but the file has no engineProperty to read it from");
            }
            if (!v.has("endOfSupport")) {
                problem(at, field + ".endOfSupport", "missing endOfSupport (a yyyy-mm-dd date, or null when AWS publishes none)");
            }
            LocalDate end = date(v, "endOfSupport", at, field);
            LocalDate extended = date(v, "extendedSupportEnd", at, field);
            date(v, "blockCreate", at, field);
            date(v, "blockUpdate", at, field);
            String source = text(v, "source");
            if (source != null && !SOURCE.matcher(source).matches()) {
                problem(at + "/source", field + ".source",
                        "expected the https page of docs.aws.amazon.com or aws.amazon.com that states the dates, found '" + source + "'");
            }
            if (version != null && !seen.add((engine == null ? "" : engine) + "\n" + version)) {
                problem(at + "/version", field + ".version", "version '" + version + "' is listed twice" + (engine == null ? "" : " for " + engine));
            }
            if (problems.size() > before || id == null || match == null || fileSource == null) {
                return null;
            }
            return new LifecycleVersion(id, match, version, engine, end, extended, source == null ? fileSource : source,
                    file.origin() + ":" + lines.getOrDefault(at, 0));
        }

        private LocalDate date(JsonNode v, String key, String at, String field) {
            String s = text(v, key);
            if (s == null) {
                return null;
            }
            try {
                if (ISO_DATE.matcher(s).matches()) {
                    return LocalDate.parse(s);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            problem(at + "/" + key, field + "." + key, "expected a yyyy-mm-dd date, found '" + s + "'");
            return null;
        }

        private String required(String key) {
            String v = text(node, key);
            if (v == null || v.isEmpty()) {
                problem("/lifecycle", "lifecycle." + key, "missing " + key);
                return null;
            }
            return v;
        }

        private void problem(String pointer, String field, String message) {
            Integer line = lines.get(pointer);
            if (line == null) { // a missing field: the line of the object that lacks it
                String p = pointer;
                while (line == null && p.contains("/")) {
                    p = p.substring(0, p.lastIndexOf('/'));
                    line = lines.get(p);
                }
            }
            problems.add(file.origin() + ":" + (line == null ? 1 : line) + ": " + field + ": " + message);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText().strip();
    }

    /** The line of every value of the file, by JSON pointer. */
    private static Map<String, Integer> lines(ObjectMapper yaml, String content) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = yaml.getFactory().createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return out;
    }
}
