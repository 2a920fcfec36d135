package dev.srm.facts;

import java.util.Objects;

/**
 * A resource a lifecycle file judges: its type is one of the file's and, where the file has an
 * engine property, its engine is one the file has versions of ({@code engine}, else null).
 */
public record LifecycleSubject(String resource, String lifecycle, String engine, String control, String rule) {
    public LifecycleSubject {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }
}
