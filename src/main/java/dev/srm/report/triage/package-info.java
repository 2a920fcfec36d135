/** Output formats of {@code srm triage}: one renderer per format behind {@link dev.srm.report.triage.TriageRenderer}; they escape what they echo. */
package dev.srm.report.triage;
