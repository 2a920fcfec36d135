package dev.srm.cli;

import dev.srm.facts.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Parses --fail-on: a severity name, or {@code none} to never fail on findings. */
final class SeverityThreshold implements ITypeConverter<SeverityThreshold.Value> {
    /** A threshold; {@code severity} is null for none. */
    record Value(Severity severity) {
    }

    @Override
    public Value convert(String text) {
        if ("none".equals(text.toLowerCase(Locale.ROOT))) {
            return new Value(null);
        }
        try {
            return new Value(Severity.parse(text));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' is not a severity (expected critical, high, medium, low, info or none)");
        }
    }
}
