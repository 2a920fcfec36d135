package dev.srm.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.IntegrationResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.WaiverNote;

import java.util.List;
import java.util.Map;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY;
import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

/**
 * The JSON of one evaluation, as {@code srm evaluate --format json} and {@code audit.json}
 * write it: keys in the order of the record components, lists marked {@code NON_EMPTY} left
 * out when empty, every other value written even when null.
 */
public record EvaluationJson(Scenario scenario, List<Resource> resources, Account account, List<Finding> findings,
                             List<Integration> integrations, List<String> warnings) {

    /** {@code asOf}: the day the evaluation judged dates on ({@code --as-of}, or the day it ran). */
    public record Scenario(String id, String title, String file, @JsonInclude(NON_NULL) String asOf) {
    }

    public record Resource(String id, Origin origin, String service, String type, String variant, String serviceModel, String customerShare,
                           String rule, String reason, List<Layer> layers, List<Control> controls,
                           @JsonInclude(NON_EMPTY) List<String> notices) {
    }

    /**
     * Where a resource (or a finding's resource) was read from: the file, the line (left out when unknown),
     * the JSON pointer, the Terraform address or template logical id, the ARN, the AWS Config capture time,
     * account and Region; members the input does not give are left out.
     */
    @JsonInclude(NON_NULL)
    public record Origin(String file, Integer line, String pointer, String address, String arn, String capturedAt,
                         String account, String region) {
        public static Origin of(dev.srm.model.Origin o) {
            return o == null ? null : new Origin(o.file(), o.line() > 0 ? o.line() : null, o.pointer(), o.address(), o.arn(),
                    o.capturedAt(), o.account(), o.region());
        }
    }

    public record Layer(String layer, String party, String rule, String reason, List<Duty> duties,
                        @JsonInclude(NON_EMPTY) List<String> explanation) {
    }

    public record Duty(String duty, String party, String rule, String reason, String source,
                       @JsonInclude(NON_EMPTY) List<String> explanation) {
    }

    public record Account(List<Control> controls) {
    }

    public record Control(String id, String title, String layer, String status, String severity, List<String> integrations,
                          List<String> evidence, String reason, String rule, String source, References references,
                          @JsonInclude(NON_EMPTY) List<String> explanation) {
    }

    public record References(List<String> securityHub, List<String> configRules, Map<String, List<String>> frameworks) {
    }

    public record Finding(String id, String rule, String severity, String resource, Origin origin, String layer, String owner, String layerParty,
                          String title,
                          String remediation, List<String> integrations, String source, List<String> securityHub,
                          @JsonInclude(NON_EMPTY) List<String> explanation, String fingerprint, String status,
                          @JsonInclude(NON_NULL) String baseline, @JsonInclude(NON_NULL) Waiver waiver) {
    }

    /** The waiver that matched a finding: in force (the finding is WAIVED), or EXPIRED (it counts again). */
    public record Waiver(String reason, String owner, String expires, String state, @JsonInclude(NON_NULL) String ticket, String origin) {
        static Waiver of(WaiverNote w) {
            return w == null ? null : new Waiver(w.reason(), w.owner(), w.expires().toString(), w.state().name(), w.ticket(), w.origin());
        }
    }

    public record Integration(String name, String why, List<String> controls, List<String> resources) {
    }

    public static EvaluationJson of(Evaluation e) {
        Map<String, dev.srm.model.Origin> origins = e.origins();
        return new EvaluationJson(new Scenario(e.scenario().id(), e.scenario().title(), e.scenario().file(),
                        e.scenario().asOf() == null ? null : e.scenario().asOf().toString()),
                e.resources().stream().map(r -> resource(r, origins.get(r.id()))).toList(),
                new Account(controls(e.accountControls())),
                e.findings().stream().map(f -> finding(f, origins.get(f.resource()))).toList(),
                e.integrations().stream().map(EvaluationJson::integration).toList(),
                e.warnings());
    }

    private static Resource resource(ResourceResult r, dev.srm.model.Origin origin) {
        return new Resource(r.id(), Origin.of(origin), r.service(), r.type(), r.variant(), r.serviceModel(), r.customerShare(), r.rule(), r.reason(),
                r.layers().stream().map(EvaluationJson::layer).toList(), controls(r.controls()), r.notices());
    }

    private static Layer layer(LayerResult l) {
        return new Layer(l.layer(), l.party().name(), l.rule(), l.reason(), l.duties().stream()
                .map(d -> new Duty(d.duty(), d.party().name(), d.rule(), d.reason(), d.source(), d.explanation())).toList(),
                l.explanation());
    }

    private static List<Control> controls(List<ControlResult> controls) {
        return controls.stream().map(c -> new Control(c.id(), c.title(), c.layer(), c.status().name(), c.severity(), c.integrations(),
                c.evidence(), c.reason(), c.rule(), c.source(), new References(c.securityHub(), c.configRules(), c.frameworks()),
                c.explanation())).toList();
    }

    private static Finding finding(FindingResult f, dev.srm.model.Origin origin) {
        return new Finding(f.id(), f.rule(), f.severity().name(), f.resource(), Origin.of(origin), f.layer(), name(f.owner()), name(f.layerParty()), f.title(), f.remediation(),
                f.integrations(), f.source(), f.securityHub(), f.explanation(), f.fingerprint(), f.status().name(),
                name(f.novelty()), Waiver.of(f.waiver()));
    }

    private static Integration integration(IntegrationResult i) {
        return new Integration(i.name(), i.why(), i.controls(), i.resources());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
