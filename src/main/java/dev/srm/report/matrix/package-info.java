/**
 * Renderers of {@code srm matrix}, {@code srm compare} and {@code srm crm}: one small class per
 * format behind the {@link dev.srm.report.matrix.MatrixFormat}, {@link dev.srm.report.matrix.CompareFormat}
 * and {@link dev.srm.report.matrix.CrmFormat} enums. Everything echoed is escaped for its language.
 */
package dev.srm.report.matrix;
