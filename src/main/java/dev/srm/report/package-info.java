/** Output formats: one renderer per format behind one interface, echoing input only through the escapers of {@link dev.srm.report.escape} (JSON through {@link dev.srm.report.Json}). */
package dev.srm.report;
