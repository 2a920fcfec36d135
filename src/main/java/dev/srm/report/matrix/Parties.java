package dev.srm.report.matrix;

import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.ControlRef;

import java.util.Locale;

/** Small wording shared by the renderers. */
final class Parties {
    private Parties() {
    }

    /** {@code customer}, {@code shared}, {@code aws}, ...: a CSS class suffix. */
    static String css(String party) {
        return party == null ? "unknown" : party.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One letter for a compact grid: C, S, A, ? (unknown), ! (conflict). */
    static String letter(String party) {
        return switch (party == null ? "" : party) {
            case "CUSTOMER" -> "C";
            case "SHARED" -> "S";
            case "AWS" -> "A";
            case "CONFLICT" -> "!";
            case "NONE" -> "-";
            default -> "?";
        };
    }

    /** The cell's reason, or a dash. */
    static String reason(Cell c) {
        return c.reason() == null || c.reason().isBlank() ? "-" : c.reason();
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** {@code Security Hub S3.8; Config s3-bucket-...}, or empty. */
    static String references(ControlRef c) {
        StringBuilder b = new StringBuilder();
        if (!c.securityHub().isEmpty()) {
            b.append("Security Hub ").append(String.join(", ", c.securityHub()));
        }
        if (!c.configRules().isEmpty()) {
            b.append(b.length() == 0 ? "" : "; ").append("Config ").append(String.join(", ", c.configRules()));
        }
        return b.toString();
    }
}
