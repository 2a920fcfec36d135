/**
 * One escaper per output language (HTML, Markdown, XML, CSV and the terminal), so that every
 * report echoes input by the same rules; JSON is escaped by Jackson.
 */
package dev.srm.report.escape;
