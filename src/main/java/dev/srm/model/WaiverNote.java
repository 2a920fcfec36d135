package dev.srm.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The waiver that matched a finding, as every report shows it: why, who owns the risk, through
 * which day it applies (inclusive), the ticket, where the waiver was written and its state on
 * the as-of date.
 *
 * @param origin where the waiver is written ({@code file:line:column})
 */
public record WaiverNote(String reason, String owner, LocalDate expires, String ticket, String origin, WaiverState state) {
    public WaiverNote {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(state, "state");
        origin = origin == null ? "" : origin;
    }

    /** One line for a person: {@code waived until 2030-06-30 by data-platform (SEC-1042): reason}. */
    public String describe() {
        String verb = state == WaiverState.EXPIRED ? "waiver expired on " : "waived through ";
        return verb + expires + " by " + owner + (ticket == null ? "" : " (" + ticket + ")") + ": " + reason;
    }
}
