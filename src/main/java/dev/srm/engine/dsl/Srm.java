package dev.srm.engine.dsl;

import dev.srm.facts.Classification;
import dev.srm.facts.ControlApplies;
import dev.srm.facts.CustomerShare;
import dev.srm.facts.DefaultValue;
import dev.srm.facts.Evidence;
import dev.srm.facts.DutyClaim;
import dev.srm.facts.Finding;
import dev.srm.facts.InVpc;
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
import dev.srm.facts.TagRequirement;
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

    /**
     * The consequence's {@code drools} variable: a KnowledgeHelper with the classic compiler, a
     * DroolsImpl with the executable model; both are RuleContexts.
     */
    private static RuleContext ctx(Object drools) {
        return (RuleContext) drools;
    }

    private static String rule(Object drools) {
        return ctx(drools).getRule().getName();
    }

    /** Classifies a resource as a service variant with a service model. */
    public static void classify(Object drools, Resource resource, String variant, ServiceModel model, String reason) {
        ctx(drools).insertLogical(new Classification(resource.id(), resource.service(), variant, model, reason, rule(drools)));
    }

    /**
     * Classifies a resource as another catalogued service than its type says, when
     * configuration decides it (an AWS::RDS::DBCluster with an aurora engine is Aurora).
     */
    public static void classifyAs(Object drools, Resource resource, String service, String variant, ServiceModel model,
                                  String reason) {
        ctx(drools).insertLogical(new Classification(resource.id(), service, variant, model, reason, rule(drools)));
    }

    /** States the customer's share of a classified resource. */
    public static void share(Object drools, Classification c, ShareLevel level, String reason) {
        ctx(drools).insertLogical(new CustomerShare(c.resource(), level, reason, rule(drools)));
    }

    /** Claims a layer of a resource for a party as the service's rule; wins over a service-model fallback. */
    public static void claim(Object drools, String resource, String layer, Party party, String reason) {
        ctx(drools).insertLogical(new LayerClaim(resource, layer, party, reason, rule(drools), LayerClaim.SERVICE));
    }

    /** Claims a layer from the service model alone; any service or variant claim for the same layer wins. */
    public static void fallback(Object drools, String resource, String layer, Party party, String reason) {
        ctx(drools).insertLogical(new LayerClaim(resource, layer, party, reason, rule(drools), LayerClaim.MODEL));
    }

    /** Claims a layer for a deployment variant (RDS Custom, ECS on Fargate, ...); wins over the service's claim. */
    public static void variant(Object drools, String resource, String layer, Party party, String reason) {
        ctx(drools).insertLogical(new LayerClaim(resource, layer, party, reason, rule(drools), LayerClaim.VARIANT));
    }

    /**
     * Claims a duty of a resource for a party (null: the duty does not exist for it) at a level of
     * {@link DutyClaim}; the rules generated from the duty tables call this.
     */
    public static void duty(Object drools, String resource, String duty, Party party, String reason, int level) {
        ctx(drools).insertLogical(new DutyClaim(resource, duty, party, reason, rule(drools), level));
    }

    /**
     * Claims a duty because of the resource's configuration (a runtime past its end of support,
     * manual runtime updates, a customer managed key): wins over the service's and the variant's rows.
     */
    public static void dutyByConfig(Object drools, String resource, String duty, Party party, String reason) {
        ctx(drools).insertLogical(new DutyClaim(resource, duty, party, reason, rule(drools), DutyClaim.CONFIG));
    }

    /**
     * Claims a duty because a key setting names a key of the customer's ({@link #dutyByConfig}). When the input cannot tell
     * whether the setting is there (a template's {@code Fn::If} with {@code AWS::NoValue} on a condition srm cannot decide),
     * or which of several keys it names ({@code Fn::If} between a key and {@code alias/aws/sqs}), the claim holds, as the
     * world in which every conditional part exists does, and a notice says when the service's own key holds the data.
     */
    public static void dutyByKey(Object drools, Setting key, String duty, Party party, String reason) {
        dutyByConfig(drools, key.resource(), duty, party, reason);
        if (key.mayBeAbsent()) {
            notice(drools, key.resource(), "who holds duty " + duty + " depends on a condition srm cannot decide: " + party + " if "
                    + key.path() + " is set, the service's (its AWS managed or AWS owned key) if not: " + key.unknownReason());
        } else if (!Setting.oneOf(key.value()).isEmpty()) {
            notice(drools, key.resource(), "who holds duty " + duty + " depends on a condition srm cannot decide: " + party + " where "
                    + key.path() + " names a customer managed key, the service's where it names an AWS managed key; it is "
                    + key.shown() + ": " + key.unknownReason());
        }
    }

    /**
     * Claims a duty because the resource's version is past its end of support on the as-of day
     * ({@code rules/core/lifecycle.drl}), citing the lifecycle entry's AWS page: wins over every
     * other claim, since no update mode or switch brings patches AWS no longer makes.
     */
    public static void dutyByLifecycle(Object drools, String resource, String duty, Party party, String reason, String source) {
        ctx(drools).insertLogical(new DutyClaim(resource, duty, party, reason, rule(drools), DutyClaim.LIFECYCLE, source));
    }

    /** States that the control named by the firing rule applies to a resource (or {@code account}). */
    public static void control(Object drools, String resource, String reason) {
        ctx(drools).insertLogical(new ControlApplies(resource, rule(drools), reason, rule(drools)));
    }

    /**
     * States that another rule's control applies to a resource: a control that one input states on
     * a second kind of resource (Lambda.1 on an AWS::Lambda::Permission of a template, on the function
     * whose policy an AWS Config item holds). The control keeps its definition; the firing rule is named
     * as the one that applied it.
     */
    public static void controlFor(Object drools, String control, String resource, String reason) {
        ctx(drools).insertLogical(new ControlApplies(resource, control, reason, rule(drools)));
    }

    /**
     * States what the configuration must say for the firing rule's control to be met.
     * {@code op} is one of equals, notEquals, atLeast, present, oneOf, notOneOf, startsWith, notEmpty.
     */
    public static void require(Object drools, String resource, String pattern, String op, String expected) {
        ctx(drools).insertLogical(new Requirement(resource, rule(drools), pattern, op(op), expected, rule(drools)));
    }

    /** Same as {@link #require(RuleContext, String, String, String, String)} for a named control. */
    public static void requireFor(Object drools, String control, String resource, String pattern, String op, String expected) {
        ctx(drools).insertLogical(new Requirement(resource, control, pattern, op(op), expected, rule(drools)));
    }

    /** The setting of {@code settings} (a list of {@code Setting}) whose path comes first, for evidence that names one of several. */
    public static Setting firstByPath(java.util.List<?> settings) {
        return settings.stream().map(Setting.class::cast)
                .min(java.util.Comparator.comparing(Setting::path).thenComparing(s -> String.valueOf(s.value()))).orElseThrow();
    }

    /**
     * States a requirement on list elements with an explicit quantifier: {@code "some"} element of
     * {@code Statement[*].Effect} must satisfy it, or {@code "none"} may ({@code "every"} is what
     * {@link #require} means). See {@link Requirement.Quantifier}.
     */
    public static void requireQ(Object drools, String resource, String quantifier, String pattern, String op, String expected) {
        Requirement.Quantifier q = Requirement.Quantifier.valueOf(quantifier.toUpperCase(Locale.ROOT));
        ctx(drools).insertLogical(new Requirement(resource, rule(drools), pattern, op(op), expected, rule(drools), q));
    }

    /**
     * States that the firing tagging control needs at least one user tag on the resource (a key
     * not starting with {@code aws:}), read from {@code property} or the resource's tags block.
     */
    public static void requireTags(Object drools, String resource, String property) {
        ctx(drools).insertLogical(new TagRequirement(resource, rule(drools), property, rule(drools)));
    }

    /** The operator a rule names; the pack validation rejects unknown names before any rule fires. */
    private static Requirement.Op op(String op) {
        Requirement.Op parsed = Requirement.Op.parse(op);
        if (parsed == null) {
            throw new IllegalArgumentException("unknown requirement operator '" + op + "'");
        }
        return parsed;
    }

    /** Records what a documented default says about a control, marked as a default. */
    public static void evidenceFromDefault(Object drools, Requirement q, Outcome outcome, DefaultValue d) {
        ctx(drools).insertLogical(new Evidence(q.resource(), q.control(), outcome, d.resource() + ":" + d.pattern() + " " + d.mark(),
                d.value(), (outcome == Outcome.MET ? "" : "expected " + q.describe() + ", found ") + d.describe(), rule(drools)));
    }

    /**
     * States the value a property takes when a resource leaves it out and other resources of the
     * input decide it (an RDS database's PubliclyAccessible follows its subnet group's VPC):
     * requirements then judge the absent property on it as on a documented default, in place of
     * the catalogue's default for the pattern.
     * {@code decidedBy} says what decided it; the evidence shows it after "per".
     */
    public static void defaultFrom(Object drools, String resource, String pattern, String value, String decidedBy) {
        ctx(drools).insertLogical(new DefaultValue(resource, pattern, value, null, decidedBy, true));
    }

    /**
     * Records that a value the resource does not set comes from something the input does not hold ({@code why}
     * names it): a requirement on {@code pattern} is then undecided, where it would be absent.
     */
    public static void defaultUndecided(Object drools, String resource, String pattern, String why) {
        ctx(drools).insertLogical(new DefaultValue(resource, pattern, null, why, why, true));
    }

    /** Records what a setting says about a control. */
    public static void evidence(Object drools, String resource, String control, Outcome outcome, Setting setting, String detail) {
        if (setting != null && (setting.mayBeAbsent() || !Setting.oneOf(setting.value()).isEmpty())
                && (outcome == Outcome.MET || outcome == Outcome.NOT_MET)) {
            // A hand-written rule that read a setting the input may leave out, or one of several values the conditions
            // choose between, as if it were there with one value (value != null, value != "alias/aws/sqs" hold for
            // "${unknown, may be absent: ...}") has decided nothing. Requirements judge such values themselves
            // (requirementEvidence); a value only unknown is there, and a rule that reads its presence stands.
            String open = setting.mayBeAbsent() ? setting.path() + " is there, which the input leaves open: " + setting.unknownReason()
                    : setting.path() + " has the value the rule read, and it is " + setting.shown();
            ctx(drools).insertLogical(new Evidence(resource, control, Outcome.UNKNOWN, setting.resource() + ":" + setting.path(),
                    setting.value(), outcome.name() + " (" + detail + ") only if " + open, rule(drools)));
            return;
        }
        requirementEvidence(drools, resource, control, outcome, setting, detail);
    }

    /**
     * Records what a requirement's judgement of a setting says about a control (rules/core/resolution.drl): unlike
     * {@link #evidence}, a value known to be one of several that every one of them meets, or none, stays decided.
     */
    public static void requirementEvidence(Object drools, String resource, String control, Outcome outcome, Setting setting, String detail) {
        ctx(drools).insertLogical(new Evidence(resource, control, outcome, setting == null ? null : setting.resource() + ":" + setting.path(),
                setting == null ? null : setting.value(), detail, rule(drools)));
    }

    /** States that a control does not apply to a resource in its configuration. */
    public static void notApplicable(Object drools, String resource, String control, String reason) {
        ctx(drools).insertLogical(new NotApplicable(resource, control, reason, rule(drools)));
    }

    /** Raises or lowers the severity of a control's findings. */
    public static void severity(Object drools, String control, Severity severity, String reason) {
        ctx(drools).insertLogical(new SeverityOverride(control, severity, reason, rule(drools)));
    }

    /** Raises a finding that no control backs; the firing rule's name is its id. */
    public static void finding(Object drools, String resource, Severity severity, String layer, String owner,
                               String title, String remediation) {
        ctx(drools).insertLogical(new Finding(resource, null, severity, layer, owner, title, remediation, rule(drools), null));
    }

    /** Derives an intermediate conclusion about a subject (a resource id or {@code account}). */
    public static void trait(Object drools, String subject, String name) {
        ctx(drools).insertLogical(new Trait(subject, name, rule(drools)));
    }

    /** States the VPC a resource is in and how the input shows it (see {@link InVpc}). */
    public static void vpcOf(Object drools, String resource, String vpc, String how) {
        ctx(drools).insertLogical(new InVpc(resource, vpc, how, rule(drools)));
    }

    /** Adds a remark to a resource. */
    public static void notice(Object drools, String resource, String message) {
        ctx(drools).insertLogical(new Notice(resource, message, rule(drools)));
    }
}
