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

    /** Lines for picocli's exitCodeList, {@code "code:meaning"}. */
    public static String[] helpLines() {
        ExitCode[] all = values();
        String[] lines = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            lines[i] = " " + all[i].code + ":" + all[i].meaning;
        }
        return lines;
    }
}
