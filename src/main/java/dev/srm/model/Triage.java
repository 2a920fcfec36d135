package dev.srm.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code srm triage} for one incident: who owns the remediation (with the
 * layer, the reason and the rule behind it), what to do first, which evidence to pull, who
 * to route it to and which controls would have prevented it. Lists are in a stable order.
 *
 * @param owner   AWS, CUSTOMER or SHARED; UNKNOWN when no rule decided, CONFLICT when rules disagree
 * @param rule    the triage rule that decided the owner ({@code a + b} in a conflict)
 * @param basis   the fact the owner rests on and the rule that concluded it, or null
 */
public record Triage(IncidentRef incident, Kind kind, ResourceRef resource, String serviceModel,
                     Responsibility owner, String layer, String reason, String rule, Basis basis,
                     RouteRef route, List<Action> actions, List<Avoid> avoid, List<EvidenceItem> evidence,
                     List<Prevention> preventiveControls, List<String> warnings, Component component, List<Branch> branches) {
    public Triage {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(route, "route");
        actions = List.copyOf(actions);
        avoid = List.copyOf(avoid);
        evidence = List.copyOf(evidence);
        preventiveControls = List.copyOf(preventiveControls);
        warnings = List.copyOf(warnings);
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /** The incident as the input stated it. {@code origin} is scenario, flags or asff. */
    public record IncidentRef(String id, String summary, String detectedBy, String severity, String origin,
                              String file, String scenario) {
    }

    /**
     * The component the incident sits in (os, runtime, dependency, ...), as the input named it or
     * a rule read it from a finding; null when nothing says. Several are joined with ", ".
     */
    public record Component(String id, String reason, String rule) {
    }

    /**
     * One branch of "it depends on the component", given when nothing names the component:
     * if the incident sits in {@code component}, {@code party} owns it, through {@code duty}.
     */
    public record Branch(String component, String title, String duty, Responsibility party, String howToTell, String rule,
                         String dutyRule) {
    }

    /** The kind decided ({@code id} is null when no rule decided one, CONFLICT when rules disagree). */
    public record Kind(String id, String title, String reason, String rule) {
    }

    /**
     * The resource the incident happened on; {@code synthetic} when the input named only its service;
     * {@code origin} is where the resource was read from (null for a synthetic one).
     */
    public record ResourceRef(String id, String service, String type, String variant, boolean synthetic, Origin origin) {
        /** A resource whose origin is not known. */
        public ResourceRef(String id, String service, String type, String variant, boolean synthetic) {
            this(id, service, type, variant, synthetic, null);
        }
    }

    /** The fact an owner decision rests on, and the rule that concluded that fact. */
    public record Basis(String rule, String fact) {
    }

    /** The team to route the incident to ({@code team} null when nothing names one). */
    public record RouteRef(String team, String reason, String rule) {
    }

    /** One step of the response, in order; {@code feature} is the AWS feature to use. */
    public record Action(int step, String text, String feature, String rule) {
    }

    /** Something not worth time during this incident. */
    public record Avoid(String text, String rule) {
    }

    /**
     * A source of evidence to pull: ON, OFF or UNKNOWN in the scenario; {@code control} would
     * have produced it; {@code warning} is set when the scenario shows it was off.
     */
    public record EvidenceItem(String source, String status, String detail, String subject, String control,
                               String why, String rule, String warning) {
    }

    /** A control that would have prevented the incident, with its status in the scenario. */
    public record Prevention(String control, String title, String subject, String status, String layer,
                             List<String> securityHub, String why, String rule) {
        public Prevention {
            securityHub = List.copyOf(securityHub);
        }
    }
}
