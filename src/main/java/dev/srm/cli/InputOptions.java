package dev.srm.cli;

import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import picocli.CommandLine.Option;

/** Which format the input files are in (by default each is detected by its content), and how an inventory is grouped. */
final class InputOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "The inputs' format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: detected by content).")
    InputFormat format;

    @Option(names = "--group-by", paramLabel = "GROUPING", defaultValue = "account", converter = GroupByConverter.class,
            description = "An AWS Config inventory becomes one scenario per account, or per account-region (default: ${DEFAULT-VALUE}).")
    GroupBy groupBy;

    /** account or account-region, as --group-by takes them. */
    static final class GroupByConverter implements picocli.CommandLine.ITypeConverter<GroupBy> {
        @Override
        public GroupBy convert(String value) {
            try {
                return GroupBy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
