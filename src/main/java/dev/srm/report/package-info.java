/** Output formats: one renderer per format behind one interface. Renderers escape what they echo. */
package dev.srm.report;
