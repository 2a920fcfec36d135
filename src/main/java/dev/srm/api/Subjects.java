package dev.srm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.input.Settings;
import dev.srm.input.scenario.ScenarioDocument;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceResult;
import dev.srm.model.matrix.Row;
import dev.srm.rules.ServiceCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a subject ({@code Lambda}, {@code ECS:fargate}, {@code AWS::Lambda::Url}, {@code EC2:*}) and
 * settings into synthetic scenarios of one resource, evaluates them through the facade and reads
 * the rows. A variant is whatever the classification rules say: {@code SERVICE:VARIANT} tries the
 * service's CloudFormation types with the given settings and keeps the one the rules classify as
 * that variant; no table of variants lives here.
 */
final class Subjects {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHERE = Pattern.compile("^synthetic-[a-z0-9-]+\\.json:\\d+: ");

    /** A parsed subject: the service, a type when one was named, and a variant ({@code *}: every one). */
    record Subject(String text, ServiceCatalog.Service service, String type, String variant) {
    }

    /** A row and the warnings of the evaluation behind it. */
    record Evaluated(Row row, List<String> warnings) {
    }

    private final ServiceCatalog services;
    private final Srm srm;
    private final Rows rows;
    private final Naming naming;

    Subjects(ServiceCatalog services, Srm srm, Rows rows, Naming naming) {
        this.services = services;
        this.srm = srm;
        this.rows = rows;
        this.naming = naming;
    }

    private String flag(String field) {
        return naming == Naming.FLAGS ? "--" + field : field;
    }

    // ---------------------------------------------------------------- parsing

    Subject parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw SrmException.usage("an empty service name; name a service such as Lambda, a variant such as ECS:fargate, or a CloudFormation type");
        }
        String name = t;
        String variant = null;
        if (t.contains("::")) {
            String[] parts = t.split("::");
            if (parts.length == 4) { // AWS::Lambda::Function:variant is not a thing; AWS::S::T::x is
                throw SrmException.usage("'" + t + "': a CloudFormation type has three parts (AWS::Service::Resource)");
            }
        } else {
            int colon = t.indexOf(':');
            if (colon >= 0) {
                name = t.substring(0, colon).trim();
                variant = t.substring(colon + 1).trim();
                if (variant.isEmpty()) {
                    throw SrmException.usage("'" + t + "': no variant after ':'; use SERVICE, SERVICE:VARIANT or SERVICE:*");
                }
            }
        }
        String lookup = name;
        ServiceCatalog.Service service = (name.contains("::") ? services.byType(name) : services.byServiceName(name))
                .orElseThrow(() -> SrmException.usage("unknown service '" + lookup + "' (known services: " + known()
                        + "; a CloudFormation type works too)"));
        String type = name.contains("::") ? services.canonicalType(name) : null;
        return new Subject(t, service, type, variant);
    }

    private String known() {
        StringBuilder b = new StringBuilder();
        for (ServiceCatalog.Service s : services.services()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.name());
        }
        return b.toString();
    }

    /**
     * {@code KEY=VALUE} settings, in order; a key given twice with two values, and what
     * {@link Settings#problem} finds in them, are usage errors.
     */
    Map<String, String> config(List<String> settings) {
        Settings.Given given = Settings.given(settings, "PackageType=Image");
        if (given.problem() != null) {
            throw SrmException.usage(flag("config") + ": " + given.problem());
        }
        return given.settings();
    }

    // ---------------------------------------------------------------- evaluating

    /** The rows of a subject: one, or one per variant for {@code SERVICE:*}. */
    List<Evaluated> rows(Subject subject, Map<String, String> config) {
        if (subject.variant() == null) {
            return List.of(evaluate(subject.text(), subject.service(), subject.type(), config));
        }
        List<String> types = subject.type() != null ? List.of(subject.type()) : subject.service().types();
        Map<String, Evaluated> byVariant = new LinkedHashMap<>();
        List<String> reached = new ArrayList<>();
        for (String type : types.isEmpty() ? java.util.Collections.<String>singletonList(null) : types) {
            Evaluated e = evaluate(subject.text(), subject.service(), type, config);
            String v = e.row().variant() == null ? "" : e.row().variant();
            reached.add((v.isEmpty() ? "(none)" : v) + (type == null ? "" : " from " + type));
            if ("*".equals(subject.variant())) {
                byVariant.putIfAbsent(v, relabel(e, subject.service().name() + (v.isEmpty() ? "" : ":" + v)));
            } else if (v.equalsIgnoreCase(subject.variant())) {
                return List.of(relabel(e, subject.text()));
            }
        }
        if ("*".equals(subject.variant())) {
            return List.copyOf(byVariant.values());
        }
        throw SrmException.usage("'" + subject.text() + "': the rules classify no resource of " + subject.service().name()
                + " as variant '" + subject.variant() + "'" + (config.isEmpty() ? "" : " with these settings") + "; they give "
                + String.join(", ", reached) + ". A variant that configuration decides needs its setting: " + flag("config")
                + " KEY=VALUE");
    }

    private static Evaluated relabel(Evaluated e, String subject) {
        Row r = e.row();
        return new Evaluated(new Row(subject, r.service(), r.variant(), r.type(), r.serviceModel(), r.customerShare(), r.rule(),
                r.reason(), r.config(), r.cells(), r.controls(), r.integrations()), e.warnings());
    }

    private Evaluated evaluate(String subject, ServiceCatalog.Service service, String type, Map<String, String> config) {
        String id = slug(service.name());
        ObjectNode configuration = Settings.configuration(config);
        ScenarioDocument document = new ScenarioDocument(ScenarioDocument.VERSION, "synthetic-" + id,
                "A synthetic " + service.name() + " resource for srm matrix", null, null, null,
                List.of(new ScenarioDocument.Resource(id, type, type == null ? service.name() : null, null, configuration)));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Evaluation> evaluations = srm.evaluate("synthetic-" + id + ".json", bytes, InputFormat.scenario, false);
        Evaluation e = evaluations.get(0);
        ResourceResult resource = e.resources().get(0);
        List<String> warnings = new ArrayList<>();
        for (String w : e.warnings()) {
            warnings.add(subject + ": " + WHERE.matcher(w).replaceFirst(""));
        }
        return new Evaluated(rows.of(subject, config, e, resource), warnings);
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "resource" : s;
    }

    /** Every catalogued service, in catalogue order. */
    List<ServiceCatalog.Service> all() {
        return services.services();
    }

    static Function<String, String> noSource() {
        return r -> null;
    }
}
