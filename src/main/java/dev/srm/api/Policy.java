package dev.srm.api;

import dev.srm.policy.FindingPolicy;
import dev.srm.policy.Waiver;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the findings of an evaluation held in memory ({@link Srm#evaluate(String, byte[], dev.srm.model.InputFormat, boolean, Policy)},
 * {@link Srm#evaluateInput}, {@link Srm#evaluateLine}: a server request, a Spark task) are judged
 * against: the day resource and file waivers and lifecycles (runtimes, engines past their end of
 * support) are judged on, and the waivers of a waivers file.
 * Immutable and safe to share between threads; made by {@link #asOf(LocalDate)} or
 * {@link Srm#policy(String, byte[], LocalDate)}. Each call judges with a fresh state, so nothing
 * accumulates across calls (a portfolio's waiver use summary is {@code srm audit}'s).
 */
public final class Policy {
    private final List<Waiver> waivers;
    private final LocalDate asOf;

    Policy(List<Waiver> waivers, LocalDate asOf) {
        this.waivers = List.copyOf(waivers);
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /** No waivers file: findings are fingerprinted and resources' own waivers judged on {@code day}. */
    public static Policy asOf(LocalDate day) {
        return new Policy(List.of(), day);
    }

    /** The day waivers are judged on. */
    public LocalDate day() {
        return asOf;
    }

    /** How many waivers the waivers file gave. */
    public int waivers() {
        return waivers.size();
    }

    FindingPolicy fresh() {
        return new FindingPolicy(waivers, asOf, 0, null);
    }
}
