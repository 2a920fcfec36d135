package dev.srm.facts;

/**
 * Asks a session to fire the duty tables' rows on every resource and decide every duty in the
 * session, as triage (whose rules read duty and layer decisions) and {@code --explain} (whose
 * chains name each row's match) need. Without it, a resource takes its rows' conclusions from
 * its {@link DutyBaseline}.
 */
public record DutiesInFull() {
}
