/** The command line: parses arguments, delegates to the run, engine and report packages, and maps outcomes to exit codes. */
package dev.srm.cli;
