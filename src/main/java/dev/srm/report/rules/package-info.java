/** The reports of {@code srm rules}: the list of a pack's rules (text, JSON) and one rule in detail. */
package dev.srm.report.rules;
