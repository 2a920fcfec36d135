/**
 * What {@code srm matrix}, {@code srm compare} and {@code srm crm} conclude: values read from
 * evaluations the rules made (of synthetic scenarios, scenario files or an audit), never a second
 * table of responsibilities.
 */
package dev.srm.model.matrix;
