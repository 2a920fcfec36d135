package dev.srm.cli;

import dev.srm.api.Srm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rule pack of a command that runs scenarios, and {@code --timeout}: how long its rules may run on one scenario. */
final class RunOptions extends RulesOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Stop the rules on a scenario that takes longer than DURATION, a number with a unit ms, s, m or h "
                    + "(a bare number is seconds), and report it as a looping rule (exit 3); the other scenarios still run "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * The chosen pack, whose rules may run as long as {@code --timeout} says on each scenario; its
     * network is being built while the pack's files and the command's inputs are read ({@link Srm#prepare}).
     */
    @Override
    Srm load(Cli cli) {
        dev.srm.api.SrmOptions chosen = options().withTimeout(timeout);
        Srm.prepare(chosen);
        return cli.loader().load(chosen);
    }

    /** Parses a duration: a number and a unit of {@code ms}, {@code s}, {@code m}, {@code h} ({@code 500ms}, {@code 30s}, {@code 1.5m}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
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
