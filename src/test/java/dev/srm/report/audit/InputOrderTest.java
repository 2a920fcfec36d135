package dev.srm.report.audit;

import dev.srm.model.InputProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputOrderTest {

    @Test
    void stdin_lines_sort_by_number_and_files_by_name() {
        List<String> names = new ArrayList<>(List.of("<stdin>:10", "b.yaml", "<stdin>:9", "a/z.yaml", "<stdin>:100"));
        names.sort(InputOrder.NAMES);
        assertThat(names).containsExactly("<stdin>:9", "<stdin>:10", "<stdin>:100", "a/z.yaml", "b.yaml");
    }

    @Test
    void names_that_only_look_numbered_still_sort_consistently() {
        List<String> names = new ArrayList<>(List.of("x:2", "x:10", "x:1z", "x", "x:02"));
        names.sort(InputOrder.NAMES);
        assertThat(names).containsExactly("x", "x:02", "x:2", "x:10", "x:1z");
    }

    @Test
    void problems_sort_by_file_then_line_and_column() {
        List<InputProblem> problems = new ArrayList<>(List.of(
                new InputProblem("b.yaml", "10:1", "late"),
                new InputProblem("b.yaml", "9:5", "early"),
                new InputProblem("b.yaml", "", "no place"),
                new InputProblem("a.yaml", "/id", "pointer")));
        problems.sort(InputOrder.PROBLEMS);
        assertThat(problems).extracting(InputProblem::message).containsExactly("pointer", "early", "late", "no place");
    }
}
