package dev.srm.model;

import dev.srm.facts.Severity;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong, who must fix it ({@code owner}: whoever must act, the customer for every
 * customer control) and how; {@code layerParty} is who runs the rest of the layer it sits on.
 * {@code rule} is the control or finding rule behind it.
 *
 * <p>After the evaluation, the policy step ({@code dev.srm.policy}) fills in the stable
 * {@code fingerprint} (scenario, resource, control), the {@code status} (WAIVED when a waiver in
 * force matched), the {@code waiver} that matched (also when expired, so that reports say so)
 * and, against a baseline, its {@code novelty} (null without a baseline).
 */
public record FindingResult(String id, String rule, Severity severity, String resource, String layer, Responsibility owner,
                            Responsibility layerParty, String title, String remediation, List<String> integrations, String source,
                            List<String> securityHub, List<String> explanation, String fingerprint, FindingStatus status,
                            WaiverNote waiver, Novelty novelty) {
    public FindingResult {
        integrations = List.copyOf(integrations);
        securityHub = List.copyOf(securityHub);
        explanation = List.copyOf(explanation);
        status = Objects.requireNonNullElse(status, FindingStatus.OPEN);
        if (status == FindingStatus.WAIVED && (waiver == null || !waiver.state().inForce())) {
            throw new IllegalArgumentException("a WAIVED finding needs a waiver in force");
        }
    }

    /** A finding as the engine concludes it, before waivers and baselines. */
    public FindingResult(String id, String rule, Severity severity, String resource, String layer, Responsibility owner,
                         Responsibility layerParty, String title, String remediation, List<String> integrations, String source,
                         List<String> securityHub, List<String> explanation) {
        this(id, rule, severity, resource, layer, owner, layerParty, title, remediation, integrations, source, securityHub,
                explanation, null, FindingStatus.OPEN, null, null);
    }

    /** Whether it counts for {@code --fail-on}: it is open (not waived by a waiver in force). */
    public boolean counts() {
        return status == FindingStatus.OPEN;
    }

    /** This finding with its fingerprint, status and waiver. */
    public FindingResult withPolicy(String newFingerprint, FindingStatus newStatus, WaiverNote newWaiver) {
        return new FindingResult(id, rule, severity, resource, layer, owner, layerParty, title, remediation, integrations, source,
                securityHub, explanation, newFingerprint, newStatus, newWaiver, novelty);
    }

    /** This finding marked against a baseline. */
    public FindingResult withNovelty(Novelty newNovelty) {
        return new FindingResult(id, rule, severity, resource, layer, owner, layerParty, title, remediation, integrations, source,
                securityHub, explanation, fingerprint, status, waiver, newNovelty);
    }
}
