/**
 * The reports of {@code srm audit}: one streaming renderer per format, fed one evaluation at a
 * time in a fixed order and then the portfolio roll-ups, so no report holds the whole batch.
 */
package dev.srm.report.audit;
