/** Property-based fuzzing (jqwik) of srm's inputs through its command line: see docs/limits.md. */
package dev.srm.fuzz;
