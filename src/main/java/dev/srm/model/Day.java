package dev.srm.model;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A day as srm's inputs and flags write it, YYYY-MM-DD: a year of four digits, a month and a day
 * of two, and a day the calendar has. {@link LocalDate#parse} also takes a signed year of more
 * digits ({@code +99999-01-01}), which would make a waiver that never expires.
 */
public final class Day {
    private static final DateTimeFormatter YYYY_MM_DD = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    private Day() {
    }

    /** The day {@code text} names; {@link DateTimeParseException} for any other text (2030-6-1, 2030-02-30, +99999-01-01). */
    public static LocalDate parse(String text) {
        return LocalDate.parse(text, YYYY_MM_DD);
    }
}
