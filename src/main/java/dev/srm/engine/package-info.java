/** Compiles rule packs into a Drools KieBase and evaluates scenarios in sessions; the only package that uses the Drools API. */
package dev.srm.engine;
