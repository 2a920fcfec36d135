package dev.srm.model;

/** Whether a finding counts: OPEN, or WAIVED by a waiver in force (it stays in every report and does not count for --fail-on). */
public enum FindingStatus {
    OPEN, WAIVED
}
