/** Scenarios as read from files and the typed results of evaluating them; depends on nothing but the facts. */
package dev.srm.model;
