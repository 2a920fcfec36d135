package dev.srm.model;

import java.util.List;

/** A result that may carry warnings: what was read but not understood, said on stderr beside the report. */
public interface HasWarnings {
    /** The warnings, in the order they arose; empty when there are none. */
    List<String> warnings();
}
