/**
 * The vocabulary DRL consequences use to state conclusions. Each call inserts a fact
 * logically and stamps it with the name of the rule that fired, so every conclusion can say
 * which rule produced it.
 */
package dev.srm.engine.dsl;
