package dev.srm.report.triage;

import dev.srm.model.Triage;

import java.util.List;

/** The JSON of one triage, keys in the order of the components; absent values are written as null. */
record TriageJson(Incident incident, String kind, String kindTitle, String kindReason, String kindRule, Resource resource,
                  String serviceModel, String owner, String layer, String reason, String rule, Basis basis, Component component,
                  List<Branch> branches, String route,
                  String routeReason, String routeRule, List<Action> actions, List<Avoid> avoid, List<Evidence> evidence,
                  List<Prevention> preventiveControls, List<String> warnings) {

    record Incident(String id, String summary, String detectedBy, String severity, String source, String file, String scenario) {
    }

    record Resource(String id, String service, String type, String variant, boolean synthetic,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    dev.srm.report.EvaluationJson.Origin origin) {
    }

    record Basis(String rule, String fact) {
    }

    record Component(String id, String reason, String rule) {
    }

    record Branch(String component, String title, String duty, String owner, String howToTell, String rule, String dutyRule) {
    }

    record Action(int step, String action, String feature, String rule) {
    }

    record Avoid(String text, String rule) {
    }

    record Evidence(String source, String status, String detail, String why, String control, String subject, String rule,
                    String warning) {
    }

    record Prevention(String control, String title, String resource, String status, String layer, List<String> securityHub,
                      String why, String rule) {
    }

    static TriageJson of(Triage t) {
        Triage.IncidentRef i = t.incident();
        Triage.ResourceRef r = t.resource();
        return new TriageJson(
                new Incident(i.id(), i.summary(), i.detectedBy(), i.severity(), i.origin(), i.file(), i.scenario()),
                t.kind().id(), t.kind().title(), t.kind().reason(), t.kind().rule(),
                new Resource(r.id(), r.service(), r.type(), r.variant(), r.synthetic(), dev.srm.report.EvaluationJson.Origin.of(r.origin())),
                t.serviceModel(), t.owner().name(), t.layer(), t.reason(), t.rule(),
                t.basis() == null ? null : new Basis(t.basis().rule(), t.basis().fact()),
                t.component() == null ? null : new Component(t.component().id(), t.component().reason(), t.component().rule()),
                t.branches().stream().map(b -> new Branch(b.component(), b.title(), b.duty(), b.party().name(), b.howToTell(), b.rule(),
                        b.dutyRule())).toList(),
                t.route().team(), t.route().reason(), t.route().rule(),
                t.actions().stream().map(a -> new Action(a.step(), a.text(), a.feature(), a.rule())).toList(),
                t.avoid().stream().map(a -> new Avoid(a.text(), a.rule())).toList(),
                t.evidence().stream().map(e -> new Evidence(e.source(), e.status(), e.detail(), e.why(), e.control(), e.subject(),
                        e.rule(), e.warning())).toList(),
                t.preventiveControls().stream().map(p -> new Prevention(p.control(), p.title(), p.subject(), p.status(), p.layer(),
                        p.securityHub(), p.why(), p.rule())).toList(),
                t.warnings());
    }
}
