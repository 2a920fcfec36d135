package dev.srm.input.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of each parameter a template declares: the value given for it, else its
 * {@code Default}; unknown when it has neither, or when CloudFormation reads it from Systems
 * Manager at deploy time. List types become lists.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * @param given   values given for parameters (from the command line, a parameters file or a parent stack)
     * @param sources where each given value came from, for messages
     */
    static Map<String, Node> of(Template template, Map<String, Node> given, Map<String, String> sources, List<String> warnings) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : template.parameters().entries().entrySet()) {
            String name = e.getKey();
            Node.Obj decl = e.getValue() instanceof Node.Obj o ? o : Template.EMPTY;
            String type = decl.get("Type") instanceof Node.Scalar t && t.text() != null ? t.text().trim() : "String";
            Node.Pos pos = template.parameters().keyPos(name);
            Node value = given.get(name);
            Node fallback = decl.get("Default");
            if (type.startsWith("AWS::SSM::Parameter::Value<")) {
                Node key = value != null ? value : fallback;
                out.put(name, new Node.Unknown("parameter " + name + " (" + type + ") is read from the Systems Manager parameter "
                        + (key instanceof Node.Scalar s ? "'" + s.text() + "'" : "it names") + " at deploy time", pos));
                continue;
            }
            if (value == null) {
                value = fallback;
            } else if (value instanceof Node.Scalar s) {
                checkAllowed(name, decl, s.text(), sources.getOrDefault(name, "the parent stack"), pos);
            }
            if (value == null || value instanceof Node.Scalar s && s.text() == null) {
                out.put(name, new Node.Unknown("parameter " + name + " has no Default and no value was given"
                        + " (--parameter " + name + "=VALUE)", pos));
            } else if (isList(type) && value instanceof Node.Scalar s) {
                // A blank value is the list [""], as CloudFormation makes it: `!Select [0, !Ref List]` is ""
                // and Fn::Length 1 (cfn-language-discussion#102; the EKS Quick Start tests a blank
                // List<String> this way). Fn::ForEach makes nothing of it (LanguageExtensions).
                List<Node> items = new ArrayList<>();
                for (String part : s.text().split(",", -1)) {
                    items.add(new Node.Scalar(part.trim(), pos));
                }
                out.put(name, new Node.Seq(items, pos));
            } else {
                out.put(name, value);
            }
        }
        for (String name : given.keySet()) {
            if (!out.containsKey(name) && !Pseudo.isPseudo(name) && sources.containsKey(name)) {
                warnings.add(sources.get(name) + ": the template declares no parameter " + name
                        + (out.isEmpty() ? " (it has none)" : " (it declares " + String.join(", ", out.keySet()) + ")")
                        + "; the value is not used");
            }
        }
        return out;
    }

    private static boolean isList(String type) {
        return type.equals("CommaDelimitedList") || type.startsWith("List<");
    }

    private static void checkAllowed(String name, Node.Obj decl, String value, String source, Node.Pos pos) {
        if (!(decl.get("AllowedValues") instanceof Node.Seq allowed) || allowed.items().isEmpty()) {
            return;
        }
        List<String> texts = allowed.items().stream().map(n -> n instanceof Node.Scalar s ? s.text() : "").toList();
        if (!texts.contains(value)) {
            throw new TemplateError(pos, "/Parameters/" + name + ": " + source + " gives '" + value
                    + "', which is not one of its AllowedValues (" + String.join(", ", texts) + ")");
        }
    }
}
