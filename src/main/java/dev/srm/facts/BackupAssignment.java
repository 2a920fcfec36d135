package dev.srm.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an AWS Backup selection ({@code AWS::Backup::BackupSelection}) assigns a resource to
 * its backup plan, read the way AWS Backup's {@code BackupSelection} reads: {@code Resources}
 * (ARNs, wildcards allowed, any of them), {@code ListOfTags} (StringEquals on a tag, any of
 * them), {@code Conditions} (StringEquals, StringNotEquals, StringLike, StringNotLike on
 * {@code aws:ResourceTag/key}, all of them), less {@code NotResources}. A selection with none of
 * the first three takes in every supported resource.
 *
 * <p>The answer is three-valued: a value the input could not determine, a condition srm does
 * not read, or {@code Resources} and {@code ListOfTags} that disagree (AWS's pages do not say
 * how the two combine) leave it {@link Answer#UNKNOWN}, never a guess either way.
 */
public final class BackupAssignment {
    /** Whether the selection takes the resource in. */
    public enum Answer { YES, NO, UNKNOWN }

    /** The answer and the words that explain it. */
    public record Verdict(Answer answer, String reason) {
    }

    /** The ARN of each resource type a backup-plan control reads: its service and the start of its resource part. */
    private static final Map<String, String[]> ARNS = Map.of("AWS::EFS::FileSystem", new String[] {"elasticfilesystem", "file-system/"},
            "AWS::DynamoDB::Table", new String[] {"dynamodb", "table/"}, "AWS::EC2::Volume", new String[] {"ec2", "volume/"});
    /** The property that holds the name an ARN ends with, where the type has one (a template's logical id is not the table's name). */
    private static final Map<String, String> NAMES = Map.of("AWS::DynamoDB::Table", "TableName");

    private static final String PREFIX = "BackupSelection.";
    private static final String RESOURCE_TAG = "aws:ResourceTag/";

    private BackupAssignment() {
    }

    /**
     * Whether the selection whose settings are {@code selection} (paths under
     * {@code BackupSelection.}) takes in {@code resource}, whose tags are its tags block and any
     * {@code ...Tags[n].Key/Value} in {@code own} (EFS writes {@code FileSystemTags}), and whose name, for a
     * type whose ARN ends with one, is its name property in {@code own} ({@code TableName}).
     */
    public static Verdict of(Resource resource, List<Setting> own, List<Setting> selection) {
        Map<String, String> tags = new LinkedHashMap<>(resource.tags());
        boolean tagsUnknown = tags(own, tags);
        Setting named = null;
        for (Setting s : own) {
            if (s.path().equals(NAMES.get(resource.type()))) {
                named = s;
            }
        }
        List<String> resources = new ArrayList<>();
        List<String> notResources = new ArrayList<>();
        Map<String, Map<String, Setting>> listOfTags = new LinkedHashMap<>();
        Map<String, Map<String, Setting>> conditions = new LinkedHashMap<>();
        String wholeUnknown = null;
        for (Setting s : selection) {
            String p = s.path().startsWith(PREFIX) ? s.path().substring(PREFIX.length()) : s.path();
            if (s.isUnknown() && !p.contains("[") && (p.equals("Resources") || p.equals("NotResources") || p.equals("ListOfTags")
                    || p.startsWith("Conditions"))) {
                // a whole list the input could not determine (a plan's resources known only after apply)
                wholeUnknown = wholeUnknown != null ? wholeUnknown : p + " is a value the input could not determine";
            } else if (p.matches("Resources\\[\\d+]")) {
                resources.add(s.value());
            } else if (p.matches("NotResources\\[\\d+]")) {
                notResources.add(s.value());
            } else if (p.startsWith("ListOfTags[")) {
                listOfTags.computeIfAbsent(s.element(), k -> new LinkedHashMap<>()).put(p.substring(p.lastIndexOf('.') + 1), s);
            } else if (p.startsWith("Conditions.") && p.contains("[")) { // an entry of a list; an empty list ({StringEquals: []}) has none
                conditions.computeIfAbsent(s.element(), k -> new LinkedHashMap<>()).put(p.substring(p.lastIndexOf('.') + 1), s);
            }
        }
        if (wholeUnknown != null) {
            return new Verdict(Answer.UNKNOWN, wholeUnknown);
        }
        Verdict byArn = resources.isEmpty() ? null : anyArn(resources, resource, named, "Resources");
        Verdict byTag = listOfTags.isEmpty() ? null : anyTag(listOfTags.values(), tags, tagsUnknown);
        Verdict in;
        if (byArn == null && byTag == null) {
            in = new Verdict(Answer.YES, "it names no resources and no tags, so it takes in every supported resource");
        } else if (byTag == null) {
            in = byArn;
        } else if (byArn == null || byArn.answer() == byTag.answer()) {
            in = byArn == null ? byTag : new Verdict(byArn.answer(), byArn.reason() + "; " + byTag.reason());
        } else {
            in = new Verdict(Answer.UNKNOWN, byArn.reason() + ", but " + byTag.reason()
                    + "; srm does not decide how Resources and ListOfTags combine");
        }
        if (in.answer() == Answer.NO) {
            return in;
        }
        for (Map.Entry<String, Map<String, Setting>> c : conditions.entrySet()) {
            Verdict v = condition(c.getKey(), c.getValue(), tags, tagsUnknown);
            if (v.answer() == Answer.NO) {
                return v;
            }
            in = new Verdict(v.answer() == Answer.UNKNOWN ? Answer.UNKNOWN : in.answer(), in.reason() + "; " + v.reason());
        }
        if (!notResources.isEmpty()) {
            Verdict out = anyArn(notResources, resource, named, "NotResources");
            if (out.answer() == Answer.YES) {
                return new Verdict(Answer.NO, out.reason());
            }
            if (out.answer() == Answer.UNKNOWN) {
                return new Verdict(Answer.UNKNOWN, in.reason() + "; " + out.reason());
            }
        }
        return in;
    }

    /** Adds the tags written as {@code ...Tags[n].Key/Value} settings; whether one of them is a value the input could not determine. */
    private static boolean tags(List<Setting> own, Map<String, String> tags) {
        Map<String, String[]> byElement = new LinkedHashMap<>();
        boolean unknown = false;
        for (Setting s : own) {
            if (!s.pattern().endsWith("Tags[*].Key") && !s.pattern().endsWith("Tags[*].Value")) {
                continue;
            }
            unknown |= s.isUnknown();
            String[] kv = byElement.computeIfAbsent(s.element(), k -> new String[2]);
            kv[s.pattern().endsWith(".Key") ? 0 : 1] = s.value();
        }
        for (String[] kv : byElement.values()) {
            if (kv[0] != null) {
                tags.putIfAbsent(kv[0], kv[1] == null ? "" : kv[1]);
            }
        }
        return unknown;
    }

    private static Verdict anyArn(List<String> arns, Resource resource, Setting named, String list) {
        String unknown = null;
        for (String arn : arns) {
            Answer a = covers(arn, resource, named);
            if (a == Answer.YES) {
                return new Verdict(Answer.YES, list + " names it (" + arn + ")");
            }
            if (a == Answer.UNKNOWN && unknown == null) {
                unknown = arn;
            }
        }
        if (unknown != null && !Setting.isUnknown(unknown)) {
            return new Verdict(Answer.UNKNOWN, list + " names " + unknown + ", which may be it: its name is a value the input could not determine");
        }
        return unknown != null ? new Verdict(Answer.UNKNOWN, list + " holds a value the input could not determine (" + unknown + ")")
                : new Verdict(Answer.NO, list + " does not name it");
    }

    /**
     * Whether an entry of {@code Resources} names the resource: its srm id (what a template's
     * {@code Fn::GetAtt}/{@code Ref} resolves to), {@code *}, or an ARN of the resource's service whose
     * resource part, wildcards allowed, ends with its id, or with its name property ({@code named}, or null);
     * an ARN of the type whose name is a value the input could not determine may name it (UNKNOWN). Region and
     * account are not compared: a selection assigns resources of its own account and Region only.
     */
    static Answer covers(String entry, Resource resource, Setting named) {
        if (entry == null) {
            return Answer.NO;
        }
        if (Setting.isUnknown(entry)) {
            return Answer.UNKNOWN;
        }
        if (entry.equals(resource.id()) || entry.equals("*")) {
            return Answer.YES;
        }
        String[] shape = ARNS.get(resource.type());
        String[] part = entry.split(":", 6);
        if (shape == null || part.length < 6 || !part[0].equals("arn") || !Wildcards.matches(part[2], shape[0])) {
            return Answer.NO;
        }
        String name = resource.id().substring(resource.id().lastIndexOf('/') + 1); // an id that is itself an ARN
        if (Wildcards.matches(part[5], shape[1] + name)) {
            return Answer.YES;
        }
        if (named == null) {
            return Answer.NO;
        }
        if (named.isUnknown()) { // an ARN of a resource of the type: its name may be the one the input could not determine
            return part[5].startsWith(shape[1]) ? Answer.UNKNOWN : Answer.NO;
        }
        return Wildcards.matches(part[5], shape[1] + named.value()) ? Answer.YES : Answer.NO;
    }

    private static Verdict anyTag(Iterable<Map<String, Setting>> entries, Map<String, String> tags, boolean tagsUnknown) {
        String unknown = null;
        for (Map<String, Setting> e : entries) {
            String type = value(e.get("ConditionType"));
            String key = value(e.get("ConditionKey"));
            String want = value(e.get("ConditionValue"));
            if (type == null || key == null || want == null || !type.equals("STRINGEQUALS")) {
                unknown = unknown != null ? unknown : "a ListOfTags entry srm does not read (" + describe(e) + ")";
                continue;
            }
            key = key.startsWith(RESOURCE_TAG) ? key.substring(RESOURCE_TAG.length()) : key;
            String have = tags.get(key);
            if (want.equals(have)) {
                return new Verdict(Answer.YES, "ListOfTags selects the tag " + key + "=" + want);
            }
            if (tagsUnknown || have != null && Setting.isUnknown(have)) {
                unknown = unknown != null ? unknown : "its tags are values the input could not determine";
            }
        }
        return unknown != null ? new Verdict(Answer.UNKNOWN, unknown) : new Verdict(Answer.NO, "ListOfTags selects none of its tags");
    }

    private static Verdict condition(String element, Map<String, Setting> c, Map<String, String> tags, boolean tagsUnknown) {
        String op = element.substring((PREFIX + "Conditions.").length(), element.lastIndexOf('['));
        String key = value(c.get("ConditionKey"));
        String want = value(c.get("ConditionValue"));
        if (key == null || want == null || !key.startsWith(RESOURCE_TAG)) {
            return new Verdict(Answer.UNKNOWN, "a condition srm does not read (" + op + " " + describe(c) + ")");
        }
        String tag = key.substring(RESOURCE_TAG.length());
        String have = tags.get(tag);
        if (have == null && tagsUnknown || have != null && Setting.isUnknown(have)) {
            return new Verdict(Answer.UNKNOWN, "the condition " + op + " " + key + " reads a tag the input could not determine");
        }
        Boolean holds = switch (op) {
            case "StringEquals" -> want.equals(have);
            case "StringNotEquals" -> !want.equals(have);
            case "StringLike" -> have != null && Wildcards.matches(want, have);
            case "StringNotLike" -> have == null || !Wildcards.matches(want, have);
            default -> null;
        };
        if (holds == null) {
            return new Verdict(Answer.UNKNOWN, "a condition operator srm does not read (" + op + ")");
        }
        String words = "the condition " + op + " " + key + " " + want;
        return holds ? new Verdict(Answer.YES, words + " holds") : new Verdict(Answer.NO, words + " does not hold (" + tag
                + (have == null ? " is not set)" : " is " + have + ")"));
    }

    private static String value(Setting s) {
        return s == null || s.value() == null || s.isUnknown() ? null : s.value();
    }

    private static String describe(Map<String, Setting> e) {
        List<String> parts = new ArrayList<>();
        e.forEach((k, s) -> parts.add(k + "=" + s.value()));
        return String.join(", ", parts);
    }
}
