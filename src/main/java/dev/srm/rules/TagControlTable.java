package dev.srm.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Security Hub's "... should be tagged" controls, read from the {@code taggingControls:} rows of a
 * pack's data ({@code catalog/tagging-controls.yaml}). They differ only in the resource types they
 * read and the property that holds the tags, so they are a table, not hand-written rules: every row
 * is checked here and the engine compiles it into one named control rule.
 */
public final class TagControlTable {
    /**
     * One tagging control: its srm id, Security Hub id, title, the CloudFormation types it applies
     * to, the property holding the tags ({@code Tags} unless the type names it otherwise), the AWS
     * Config rule (empty where AWS does not name one) and the control's Security Hub page.
     */
    public record Row(String control, String securityHub, String title, List<String> types, String tagsProperty,
                      String configRule, String source, String file, int line) {
        public Row {
            types = List.copyOf(types);
        }
    }

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern TYPE = Pattern.compile("^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$");
    private static final Pattern HUB_ID = Pattern.compile("^[A-Za-z0-9]+\\.[0-9]+$");
    private static final Pattern PROPERTY = Pattern.compile("^[A-Za-z0-9]+(\\[\\*\\]\\.[A-Za-z0-9]+)*$");
    private static final Pattern SOURCE = Pattern.compile("^https://docs\\.aws\\.amazon\\.com/securityhub/\\S+$");

    private final List<Row> rows;

    private TagControlTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Every row, file by file in the pack's order, rows in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Reads the rows of a pack; throws with one {@code file:line: message} per problem. */
    public static TagControlTable load(RuleSources sources) throws RulesException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Row> ids = new HashMap<>();
        for (RuleSources.DataTree t : sources.objectTrees()) {
            RuleFile f = t.file();
            JsonNode root = t.root();
            if (!root.has("taggingControls")) {
                continue;
            }
            Map<String, Integer> lines;
            try {
                lines = DutyTable.lines(yaml, f.content());
            } catch (IOException e) {
                problems.add(f.origin() + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
                continue;
            }
            JsonNode list = root.get("taggingControls");
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                int line = lines.getOrDefault("/taggingControls/" + i, 0);
                Row row = row(r, f.origin(), line, problems);
                if (row == null) {
                    continue;
                }
                Row before = ids.putIfAbsent(row.control(), row);
                if (before != null) {
                    problems.add(f.origin() + ":" + line + ": a second row for control '" + row.control() + "' (first at "
                            + before.file() + ":" + before.line() + ")");
                    continue;
                }
                rows.add(row);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new TagControlTable(rows);
    }

    private static Row row(JsonNode r, String file, int line, List<String> problems) {
        String control = text(r, "control");
        String hub = text(r, "securityHub");
        String title = text(r, "title");
        String tags = r.has("tags") ? text(r, "tags") : "Tags";
        String configRule = r.has("configRule") ? text(r, "configRule") : "";
        String source = text(r, "source");
        List<String> types = new ArrayList<>();
        r.path("types").forEach(t -> types.add(t.asText()));
        List<String> wrong = new ArrayList<>();
        if (control == null || !ID.matcher(control).matches()) {
            wrong.add("control must be a lower-case id such as ec2-vpc-tagged, not " + quote(control));
        }
        if (hub == null || !HUB_ID.matcher(hub).matches()) {
            wrong.add("securityHub must be a Security Hub control id such as EC2.46, not " + quote(hub));
        }
        if (title == null || title.length() < 10) {
            wrong.add("title is missing");
        }
        if (types.isEmpty() || !types.stream().allMatch(t -> TYPE.matcher(t).matches())) {
            wrong.add("types must list CloudFormation types such as AWS::EC2::VPC");
        }
        if (tags == null || !PROPERTY.matcher(tags).matches()) {
            wrong.add("tags must be a property path such as Tags or TagSpecifications[*].Tags, not " + quote(tags));
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            wrong.add("source must be the control's https page in the Security Hub user guide");
        }
        if (!wrong.isEmpty()) {
            problems.add(file + ":" + line + ": tagging control: " + String.join("; ", wrong));
            return null;
        }
        return new Row(control, hub, title, types, tags, configRule == null ? "" : configRule, source, file, line);
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }
}
