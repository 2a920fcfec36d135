/** The reports of {@code srm test}: text for people, JUnit XML for CI dashboards. */
package dev.srm.report.test;
