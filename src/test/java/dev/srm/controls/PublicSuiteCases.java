package dev.srm.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.api.Policy;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import dev.srm.testing.Packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another tool's public test suite of CloudFormation templates, judged against srm's controls. A
 * suite directory holds group directories, each with {@code templates/}, {@code expected.yaml} (per
 * template and check: the srm control of the same intent and the logical ids the tool's test
 * expects to pass and to fail) and {@code differences.yaml} (the resources where srm answers
 * otherwise on purpose, with srm's statuses and why). srm agrees on a FAIL when the control is
 * MISSING, on a PASS when it is MET or NOT_APPLICABLE; anything else, UNKNOWN or a control srm does
 * not judge there included, is a difference, and must be listed. A listed resource that no longer
 * differs, or differs otherwise, fails too, so the list stays true. A resource SAM expands (an
 * {@code AWS::Serverless::Api} becomes a RestApi, a Deployment and stages) is judged on the
 * resources srm reads from it.
 */
final class PublicSuiteCases {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The day the cases are judged on, so that a runtime or engine reaching its end of support does not move them. */
    private static final Policy AS_OF = Policy.asOf(LocalDate.of(2026, 12, 4));
    private static final Set<Status> PASSING = Set.of(Status.MET, Status.NOT_APPLICABLE);

    private PublicSuiteCases() {
    }

    /** Judges every group directory under {@code suite}; {@code tool} is the key differences.yaml names the tool's verdict with. */
    static void judgeEveryGroup(Path suite, String tool) throws IOException {
        List<Path> groups;
        try (Stream<Path> s = Files.list(suite)) {
            groups = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(groups).as("group directories under " + suite).isNotEmpty();
        for (Path group : groups) {
            judge(group, tool);
        }
    }

    private static void judge(Path group, String tool) throws IOException {
        String name = group.getFileName().toString();
        Map<String, String> differences = new TreeMap<>();
        JsonNode listed = YAML.readTree(group.resolve("differences.yaml").toFile());
        if (listed != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = e.getValue();
                assertThat(d.path("why").asText()).as(name + ": " + e.getKey() + " says why").isNotBlank();
                differences.put(e.getKey(), d.path("control").asText() + " " + tool + " " + d.path(tool).asText()
                        + " srm " + statuses(d.path("srm")));
            }
        }

        JsonNode expected = YAML.readTree(group.resolve("expected.yaml").toFile());
        assertThat(expected.isArray()).as(name + "/expected.yaml is a list").isTrue();
        Map<String, List<Evaluation>> evaluated = new HashMap<>();
        Map<String, String> found = new TreeMap<>();
        int judged = 0;
        for (JsonNode entry : expected) {
            String template = entry.path("template").asText();
            String control = entry.path("control").asText();
            assertThat(control).as(name + ": " + template + " names its control").isNotBlank();
            List<Evaluation> evaluations = evaluated.computeIfAbsent(template, t -> evaluate(group.resolve("templates").resolve(t)));
            for (String verdict : List.of("pass", "fail")) {
                for (JsonNode id : entry.path(verdict)) {
                    Set<Status> statuses = statusesOf(evaluations, id.asText(), control);
                    assertThat(statuses).as(name + ": " + template + " has a resource " + id.asText()).isNotNull();
                    boolean agrees = verdict.equals("fail") ? statuses.contains(Status.MISSING)
                            : !statuses.isEmpty() && PASSING.containsAll(statuses);
                    judged++;
                    if (!agrees) {
                        found.put(template + "/" + id.asText(), control + " " + tool + " " + verdict.toUpperCase(Locale.ROOT)
                                + " srm " + statuses);
                    }
                }
            }
        }

        assertThat(judged).as(name + ": resources judged").isPositive();
        List<String> unexplained = new ArrayList<>();
        found.forEach((k, v) -> {
            if (!v.equals(differences.get(k))) {
                unexplained.add(k + ": " + v + (differences.containsKey(k) ? " (listed as " + differences.get(k) + ")" : ""));
            }
        });
        List<String> stale = differences.keySet().stream().filter(k -> !found.containsKey(k)).map(k -> k + ": now agrees").toList();
        assertThat(unexplained).as(name + ": resources where srm differs from " + tool + " without a reason in differences.yaml").isEmpty();
        assertThat(stale).as(name + ": differences.yaml lists resources that no longer differ: take them off").isEmpty();
    }

    private static List<Evaluation> evaluate(Path template) {
        try {
            return Packs.srm().evaluate(template.getFileName().toString(), Files.readAllBytes(template),
                    InputFormat.cloudformation, false, AS_OF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statuses of {@code control} on the resource {@code id} and on the resources srm read from
     * the same template resource (SAM's expansions: same line, ids that start with {@code id});
     * null when the template has no resource {@code id}.
     */
    private static Set<Status> statusesOf(List<Evaluation> evaluations, String id, String control) {
        for (Evaluation evaluation : evaluations) {
            ResourceResult named = evaluation.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (named == null) {
                continue;
            }
            int line = named.origin().line();
            Set<Status> out = new TreeSet<>();
            evaluation.resources().stream()
                    .filter(r -> r == named || line > 0 && r.origin().line() == line && r.id().startsWith(id))
                    .flatMap(r -> r.controls().stream())
                    .filter(c -> c.id().equals(control))
                    .map(ControlResult::status)
                    .forEach(out::add);
            return out;
        }
        return null;
    }

    private static String statuses(JsonNode srm) {
        Set<Status> out = new TreeSet<>();
        if (srm.isArray()) {
            srm.forEach(n -> out.add(Status.valueOf(n.asText())));
        } else if (!srm.isMissingNode() && !srm.isNull()) {
            out.add(Status.valueOf(srm.asText()));
        }
        return out.toString();
    }
}
