/**
 * Inputs: one subpackage per input format, each turning files into {@link dev.srm.model.Scenario}
 * values with the place every value came from; what is shared between readers lives here.
 */
package dev.srm.input;
