package dev.srm.spark;

import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rule pack per JVM: the first task of an executor that needs a pack loads and compiles it,
 * every later task of that JVM (and every thread running one) reuses it. Keyed by the options,
 * so jobs with other rules in the same JVM (a test suite, a long-lived driver) do not mix. The
 * precompiled bundled pack loads in about 1.5 s; a rules directory is compiled once per JVM (and
 * cached on disk by the core where the executor's home directory is writable).
 */
final class Packs {
    private static final Map<SrmOptions, Srm> LOADED = new ConcurrentHashMap<>();

    private Packs() {
    }

    static Srm get(SrmOptions options) {
        return LOADED.computeIfAbsent(options, o -> Srm.load(o).compile());
    }

    /** The pack a job's options name (the options travel to the executors; the core's do not serialise). */
    static Srm get(Options options) {
        return get(options.srmOptions());
    }
}
