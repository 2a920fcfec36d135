package dev.srm.facts;

/** Whether the scenario shows an evidence source was recording when the incident happened. */
public enum SourceState {
    ON, OFF, UNKNOWN
}
