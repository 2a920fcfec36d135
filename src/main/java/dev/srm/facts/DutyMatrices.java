package dev.srm.facts;

/** The pack's duty rows, fired once per (service, variant, service model): the global {@code dutyRows}. */
public interface DutyMatrices {
    /** The rows' conclusions for a resource of this classification. */
    DutyBaseline baseline(Classification c);
}
