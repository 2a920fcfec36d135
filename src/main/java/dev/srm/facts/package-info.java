/** The typed facts that go into a Drools session and the ones rules derive from them. */
package dev.srm.facts;
