package dev.srm.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * srm's exit codes: the one table every command's {@code --help}, README and the result
 * objects read. A result computes its own code ({@code EvaluateResult.exitCode}, ...).
 */
public enum ExitCode {
    OK(0, "clean: no finding at or above --fail-on, every input read"),
    INTERNAL(1, "internal error (a bug in srm: please report it), or a report could not be written"),
    USAGE(2, "usage error: unknown option, bad value, missing argument"),
    INPUT(3, "an input (scenario file or rules) could not be read or validated, or the rules failed on it (a loop, a rule that threw); the others were still evaluated"),
    FINDINGS(4, "a finding at or above --fail-on (default high)"),
    EXPECTATIONS(5, "srm test: an expectation failed, or rule coverage is below --coverage-min");

    /** The commands, each with the codes it can return and what they mean for it. */
    public enum Command {
        SRM(OK, INTERNAL, USAGE, INPUT, FINDINGS, EXPECTATIONS),
        EVALUATE(OK, INTERNAL, USAGE, INPUT, FINDINGS),
        AUDIT(OK, INTERNAL, USAGE, INPUT, FINDINGS),
        TRIAGE(OK, INTERNAL, USAGE, INPUT),
        TEST(OK, INTERNAL, USAGE, INPUT, EXPECTATIONS),
        RULES(OK, INTERNAL, USAGE, INPUT),
        SCHEMA(OK, INTERNAL, USAGE),
        IMPORT(OK, INTERNAL, USAGE, INPUT),
        /** matrix, compare, crm and serve: no finding decides their code. */
        EXPLORE(OK, INTERNAL, USAGE, INPUT);

        private final ExitCode[] codes;

        Command(ExitCode... codes) {
            this.codes = codes;
        }

        /** Code to meaning, in order, for this command's help. */
        public Map<String, String> table() {
            Map<String, String> out = new LinkedHashMap<>();
            for (ExitCode c : codes) {
                out.put(" " + c.code, c.meaningFor(this));
            }
            return out;
        }
    }

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** What the code means for one command, where it differs from the general meaning. */
    public String meaningFor(Command command) {
        return switch (command) {
            case TRIAGE -> switch (this) {
                case OK -> "answered (the owner may still be UNKNOWN or CONFLICT; the report says why)";
                case USAGE -> "usage error: unknown option, bad or empty value, missing or conflicting flags";
                case INPUT -> "the input (scenario, ASFF file or rules) could not be read or validated, or the rules failed on it";
                default -> meaning;
            };
            case TEST -> switch (this) {
                case OK -> "every expectation held (and coverage is at least --coverage-min)";
                case INPUT -> "an input (scenario file or rules) could not be read or validated, or the rules failed on it";
                case EXPECTATIONS -> "an expectation failed, or coverage is below --coverage-min";
                default -> meaning;
            };
            case RULES -> switch (this) {
                case OK -> "done (rules validate: the pack is valid)";
                case INPUT -> "the rules could not be read, compiled or validated";
                default -> meaning;
            };
            case SCHEMA -> this == OK ? "the schema was printed" : meaning;
            case EXPLORE -> switch (this) {
                case OK -> "done (serve: stopped by SIGTERM or Ctrl-C)";
                case INPUT -> "an input (scenario, results file or rules) could not be read or validated";
                default -> meaning;
            };
            case IMPORT -> switch (this) {
                case OK -> "every input was read and its scenarios written";
                case INPUT -> "an input could not be read; the scenarios of the others were still written";
                case INTERNAL -> "internal error, or a scenario file could not be written";
                default -> meaning;
            };
            default -> meaning;
        };
    }
}
