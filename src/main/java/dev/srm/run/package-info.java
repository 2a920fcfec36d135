/** Runs the jobs the CLI offers (parse, evaluate, collect) so that commands stay thin and other JVM programs can embed them. */
package dev.srm.run;
