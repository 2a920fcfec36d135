package dev.srm.engine.dsl;

import dev.srm.facts.Classification;
import dev.srm.facts.ControlApplies;
import dev.srm.facts.CustomerShare;
import dev.srm.facts.Evidence;
import dev.srm.facts.Finding;
import dev.srm.facts.LayerClaim;
import dev.srm.facts.Notice;
import dev.srm.facts.NotApplicable;
import dev.srm.facts.Outcome;
import dev.srm.facts.Party;
import dev.srm.facts.Requirement;
import dev.srm.facts.Resource;
import dev.srm.facts.ServiceModel;
import dev.srm.facts.Setting;
import dev.srm.facts.Severity;
import dev.srm.facts.SeverityOverride;
import dev.srm.facts.ShareLevel;
import dev.srm.facts.Trait;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Locale;

/**
 * Static helpers for rule consequences: {@code Srm.claim(drools, $r.id(), "iam-access-control",
 * Party.CUSTOMER, "why")}. They only insert facts; they decide nothing.
 */
public final class Srm {
    private Srm() {
    }

    private static String rule(RuleContext ctx) {
        return ctx.getRule().getName();
    }

    /** Classifies a resource as a service variant with a service model. */
    public static void classify(RuleContext ctx, Resource resource, String variant, ServiceModel model, String reason) {
        ctx.insertLogical(new Classification(resource.id(), resource.service(), variant, model, reason, rule(ctx)));
    }

    /** States the customer's share of a classified resource. */
    public static void share(RuleContext ctx, Classification c, ShareLevel level, String reason) {
        ctx.insertLogical(new CustomerShare(c.resource(), level, reason, rule(ctx)));
    }

    /** Claims a layer of a resource for a party; wins over a service-model fallback. */
    public static void claim(RuleContext ctx, String resource, String layer, Party party, String reason) {
        ctx.insertLogical(new LayerClaim(resource, layer, party, reason, rule(ctx), false));
    }

    /** Claims a layer from the service model alone; any specific claim for the same layer wins. */
    public static void fallback(RuleContext ctx, String resource, String layer, Party party, String reason) {
        ctx.insertLogical(new LayerClaim(resource, layer, party, reason, rule(ctx), true));
    }

    /** States that the control named by the firing rule applies to a resource (or {@code account}). */
    public static void control(RuleContext ctx, String resource, String reason) {
        ctx.insertLogical(new ControlApplies(resource, rule(ctx), reason, rule(ctx)));
    }

    /**
     * States what the configuration must say for the firing rule's control to be met.
     * {@code op} is one of equals, notEquals, atLeast, present, oneOf, notOneOf, startsWith, notEmpty.
     */
    public static void require(RuleContext ctx, String resource, String pattern, String op, String expected) {
        ctx.insertLogical(new Requirement(resource, rule(ctx), pattern, op(op), expected, rule(ctx)));
    }

    /** Same as {@link #require(RuleContext, String, String, String, String)} for a named control. */
    public static void requireFor(RuleContext ctx, String control, String resource, String pattern, String op, String expected) {
        ctx.insertLogical(new Requirement(resource, control, pattern, op(op), expected, rule(ctx)));
    }

    private static Requirement.Op op(String op) {
        String upper = op.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return Requirement.Op.valueOf(upper);
    }

    /** Records what a setting says about a control. */
    public static void evidence(RuleContext ctx, String resource, String control, Outcome outcome, Setting setting, String detail) {
        ctx.insertLogical(new Evidence(resource, control, outcome, setting == null ? null : setting.resource() + ":" + setting.path(),
                setting == null ? null : setting.value(), detail, rule(ctx)));
    }

    /** States that a control does not apply to a resource in its configuration. */
    public static void notApplicable(RuleContext ctx, String resource, String control, String reason) {
        ctx.insertLogical(new NotApplicable(resource, control, reason, rule(ctx)));
    }

    /** Raises or lowers the severity of a control's findings. */
    public static void severity(RuleContext ctx, String control, Severity severity, String reason) {
        ctx.insertLogical(new SeverityOverride(control, severity, reason, rule(ctx)));
    }

    /** Raises a finding that no control backs; the firing rule's name is its id. */
    public static void finding(RuleContext ctx, String resource, Severity severity, String layer, String owner,
                               String title, String remediation) {
        ctx.insertLogical(new Finding(resource, null, severity, layer, owner, title, remediation, rule(ctx)));
    }

    /** Derives an intermediate conclusion about a subject (a resource id or {@code account}). */
    public static void trait(RuleContext ctx, String subject, String name) {
        ctx.insertLogical(new Trait(subject, name, rule(ctx)));
    }

    /** Adds a remark to a resource. */
    public static void notice(RuleContext ctx, String resource, String message) {
        ctx.insertLogical(new Notice(resource, message, rule(ctx)));
    }
}
