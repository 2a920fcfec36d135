package dev.srm.api;

import dev.srm.model.InputProblem;

import java.nio.file.Path;
import java.util.List;

/** The scenario files written, what the readers said about them, and the inputs that could not be read. */
public record ImportResult(List<Path> written, List<String> warnings, List<InputProblem> problems) {
    public ImportResult {
        written = List.copyOf(written);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    /** INPUT when an input could not be read, else OK. */
    public ExitCode exitCode() {
        return problems.isEmpty() ? ExitCode.OK : ExitCode.INPUT;
    }
}
