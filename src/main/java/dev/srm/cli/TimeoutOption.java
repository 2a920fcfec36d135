package dev.srm.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --timeout}: how long the rules may run on one scenario, for the commands that evaluate. */
final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = Converter.class,
            description = "Stop the rules on a scenario that takes longer than DURATION, a number with a unit ms, s, m or h "
                    + "(a bare number is seconds), and report it as a looping rule (exit 3); the other scenarios still run "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Parses a duration: a number and a unit of {@code ms}, {@code s}, {@code m}, {@code h} ({@code 500ms}, {@code 30s}, {@code 1.5m}). */
    static final class Converter implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(ms|s|m|h)?");
        private static final Duration MAX = Duration.ofDays(1);

        @Override
        public Duration convert(String text) {
            Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException("'" + text + "' is not a duration (expected a number and a unit ms, s, m or h, "
                        + "for example 30s or 10m)");
            }
            long unitMillis = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1000;
            };
            Duration d = Duration.ofMillis(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis)).longValue());
            if (d.isZero()) {
                throw new TypeConversionException("'" + text + "': the timeout must be at least 1ms");
            }
            if (d.compareTo(MAX) > 0) {
                throw new TypeConversionException("'" + text + "': the timeout can be at most 24h");
            }
            return d;
        }
    }
}
