package dev.srm.input.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * The order of configuration item capture times. AWS Config writes ISO-8601 times with a UTC
 * offset ({@code 2026-03-01T08:00:00.000Z}, the CLI's {@code 2026-03-01T04:00:00-04:00}), the raw
 * API epoch seconds ({@code 1772352000.123}); times are compared as instants, so that a capture
 * written with another offset is not taken for an earlier one. A time that is none of these
 * sorts before every time that is, and such times among themselves by their text.
 */
final class Captures {
    static final Comparator<String> ORDER = Comparator.comparing(Captures::instant, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(t -> instant(t) == null ? t : "");

    private Captures() {
    }

    /** The instant of a capture time, or null when it is not one srm reads. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO-8601 with an offset: epoch seconds?
        }
        try {
            BigDecimal seconds = new BigDecimal(t);
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253402300799L)) > 0) { // after 9999-12-31: not a time
                return null;
            }
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
