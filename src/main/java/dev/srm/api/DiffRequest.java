package dev.srm.api;

import java.nio.file.Path;
import java.util.Objects;

/** Two JSON reports of srm to compare: the earlier one and the later one. */
public record DiffRequest(Path oldReport, Path newReport) {
    public DiffRequest {
        Objects.requireNonNull(oldReport, "oldReport");
        Objects.requireNonNull(newReport, "newReport");
    }
}
