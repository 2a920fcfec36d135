package dev.srm.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rules concluded about one thing (a layer, a duty, a control's status, an incident's
 * owner): nothing, one value (from one rule or several that agree), or a CONFLICT between rules
 * that disagree, which srm reports naming both and never resolves silently. The one fold every
 * assembler uses.
 *
 * @param value   the agreed value; null when nothing was concluded or the rules disagree
 * @param rules   the rules behind it, sorted and distinct
 * @param reasons the reasons given, in rule order and distinct
 * @param claims  for a conflict, "rule says value" for each rule
 */
record Agreement<V>(V value, boolean conflict, List<String> rules, List<String> reasons, List<String> claims) {
    Agreement {
        rules = List.copyOf(rules);
        reasons = List.copyOf(reasons);
        claims = List.copyOf(claims);
    }

    /** Folds the facts that concluded about one thing. */
    static <F, V> Agreement<V> of(Collection<F> facts, Function<F, V> value, Function<F, String> rule, Function<F, String> reason) {
        if (facts.isEmpty()) {
            return new Agreement<>(null, false, List.of(), List.of(), List.of());
        }
        if (facts.size() == 1) { // the common case, without sorting
            F f = facts.iterator().next();
            String why = reason.apply(f);
            return new Agreement<>(value.apply(f), false, List.of(rule.apply(f)), why == null ? List.of() : List.of(why), List.of());
        }
        // by rule, then by reason: two activations of one rule (an `or`, a rule that matches two
        // settings) give reasons in firing order, which differs with what else the session holds
        List<F> sorted = facts.stream().sorted(Comparator.comparing(rule)
                .thenComparing(reason, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        List<String> rules = sorted.stream().map(rule).distinct().toList();
        List<String> reasons = sorted.stream().map(reason).filter(r -> r != null && !r.isBlank()).distinct().toList();
        long values = sorted.stream().map(value).distinct().count();
        if (values > 1) {
            List<String> claims = sorted.stream().map(f -> rule.apply(f) + " says " + value.apply(f)).distinct().sorted().toList();
            return new Agreement<>(null, true, rules, reasons, claims);
        }
        return new Agreement<>(value.apply(sorted.get(0)), false, rules, reasons, List.of());
    }

    boolean none() {
        return !conflict && value == null;
    }

    /** The rules, joined as srm prints them ({@code a + b}). */
    String rule() {
        return String.join(" + ", rules);
    }

    /** The reasons as one text. */
    String reason() {
        return String.join(" ", reasons);
    }

    /** For a conflict: {@code rules disagree: a says X; b says Y}. */
    String disagreement() {
        return "rules disagree: " + claims.stream().collect(Collectors.joining("; "));
    }
}
