/** Synthetic scenario corpora for benchmarks and load tests; srm's commands never use this package. */
package dev.srm.bench;
