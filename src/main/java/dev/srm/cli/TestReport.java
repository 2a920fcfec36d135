package dev.srm.cli;

import dev.srm.model.InputProblem;
import dev.srm.run.ExpectationChecker;
import dev.srm.report.Xml;
import dev.srm.run.ScenarioTestRun;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** The reports of {@code srm test}: text for people, JUnit XML for CI dashboards. */
final class TestReport {
    private TestReport() {
    }

    public static void text(ScenarioTestRun.Result result, boolean coverage, Writer w) {
        PrintWriter out = new PrintWriter(w);
        for (ScenarioTestRun.Outcome o : result.outcomes()) {
            if (!o.hasExpectations()) {
                out.print("SKIP " + o.file() + " (" + o.scenario() + "): no expect block\n");
            } else if (o.passed()) {
                out.print("PASS " + o.file() + " (" + o.scenario() + "): " + o.checks().size() + " expectations\n");
            } else {
                out.print("FAIL " + o.file() + " (" + o.scenario() + "): " + o.failures().size() + " of "
                        + o.checks().size() + " expectations failed\n");
                for (ExpectationChecker.Check c : o.failures()) {
                    out.print("  " + c.name() + "\n      expected: " + c.expected() + "\n      actual:   " + c.actual() + "\n");
                }
            }
        }
        for (InputProblem p : result.problems()) {
            out.print("ERROR " + p + "\n");
        }
        if (coverage) {
            coverage(result, out);
        }
        out.print(result.checksPassed() + " passed, " + result.checksFailed() + " failed\n");
        out.flush();
    }

    private static void coverage(ScenarioTestRun.Result result, PrintWriter out) {
        out.printf("%nRule coverage: %.1f%% (%d of %d rules fired at least once)%n", result.coveragePercent(),
                result.firedRules().size(), result.allRules().size());
        List<String> never = result.neverFired();
        if (!never.isEmpty()) {
            out.print("Never fired:\n");
            never.forEach(r -> out.print("  " + r + "\n"));
        }
    }

    /** The closing lines on stderr when the report itself goes elsewhere. */
    public static void summary(ScenarioTestRun.Result result, boolean coverage, PrintWriter err) {
        if (coverage) {
            err.printf("Rule coverage: %.1f%% (%d of %d rules)%n", result.coveragePercent(), result.firedRules().size(),
                    result.allRules().size());
        }
        err.print(result.checksPassed() + " passed, " + result.checksFailed() + " failed\n");
    }

    public static void junit(ScenarioTestRun.Result result, Writer w) throws IOException {
        long tests = result.outcomes().stream().mapToLong(o -> Math.max(1, o.checks().size())).sum() + result.problems().size();
        long skipped = result.outcomes().stream().filter(o -> !o.hasExpectations()).count();
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<testsuites name=\"srm test\" tests=\"" + tests + "\" failures=\"" + result.checksFailed()
                + "\" errors=\"" + result.problems().size() + "\" skipped=\"" + skipped + "\">\n");
        for (ScenarioTestRun.Outcome o : result.outcomes()) {
            w.write("  <testsuite name=\"" + Xml.attr(o.scenario()) + "\" file=\"" + Xml.attr(o.file()) + "\" tests=\""
                    + Math.max(1, o.checks().size()) + "\" failures=\"" + o.failures().size() + "\">\n");
            if (!o.hasExpectations()) {
                w.write("    <testcase name=\"expectations\" classname=\"" + Xml.attr(o.scenario()) + "\"><skipped message=\"no expect block\"/></testcase>\n");
            }
            for (ExpectationChecker.Check c : o.checks()) {
                w.write("    <testcase name=\"" + Xml.attr(c.name()) + "\" classname=\"" + Xml.attr(o.scenario()) + "\"");
                if (c.passed()) {
                    w.write("/>\n");
                } else {
                    w.write(">\n      <failure message=\"" + Xml.attr(c.toString()) + "\">" + Xml.text(c.toString())
                            + "</failure>\n    </testcase>\n");
                }
            }
            w.write("  </testsuite>\n");
        }
        for (InputProblem p : result.problems()) {
            w.write("  <testsuite name=\"" + Xml.attr(p.file()) + "\" tests=\"1\" errors=\"1\">\n    <testcase name=\"read\" classname=\""
                    + Xml.attr(p.file()) + "\"><error message=\"" + Xml.attr(p.toString()) + "\"/></testcase>\n  </testsuite>\n");
        }
        w.write("</testsuites>\n");
        w.flush();
    }
}
