/** What {@code srm diff} prints: the difference of two reports as text, Markdown (for a pull request) or JSON. */
package dev.srm.report.diff;
