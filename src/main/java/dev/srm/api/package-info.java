/**
 * srm's public Java API: {@link dev.srm.api.Srm} loads a rule pack once and evaluates, triages,
 * audits and tests with it; requests and results are immutable values, every result computes
 * its own {@link dev.srm.api.ExitCode}. The command line, the server and the Spark runner use
 * this package and nothing below it.
 */
package dev.srm.api;
