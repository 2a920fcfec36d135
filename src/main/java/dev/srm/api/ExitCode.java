package dev.srm.cli;

/** srm's exit codes, shown in every command's --help and in README. */
public enum ExitCode {
    OK(0, "clean: no finding at or above --fail-on, every input read"),
    INTERNAL(1, "internal error (a bug in srm: please report it)"),
    USAGE(2, "usage error: unknown option, bad value, missing argument"),
    INPUT(3, "an input (scenario file or rules) could not be read or validated; the others were still evaluated"),
    FINDINGS(4, "a finding at or above --fail-on (default high)"),
    EXPECTATIONS(5, "srm test: an expectation failed, or rule coverage is below --coverage-min");

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

    /**
     * Puts the exit codes in a command's help, from this enum (the one place they are
     * written); {@code withTest} adds srm test's code 5.
     */
    static void describeIn(picocli.CommandLine.Model.UsageMessageSpec usage, boolean withTest) {
        java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
        for (ExitCode c : values()) {
            if (withTest || c != EXPECTATIONS) {
                list.put(" " + c.code, c.meaning);
            }
        }
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
    }
}
