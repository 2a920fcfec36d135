package dev.srm.report.test;

import dev.srm.model.InputProblem;
import dev.srm.model.TestResults;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import static dev.srm.report.escape.Terminal.text;

/**
 * PASS, FAIL and SKIP per scenario with each failed expectation, coverage, and the closing count
 * line. File names, ids and values come from the inputs: each is escaped for the terminal.
 */
public final class TextTestRenderer implements TestRenderer {
    @Override
    public void render(TestResults result, boolean coverage, Writer w) {
        PrintWriter out = new PrintWriter(w);
        for (TestResults.Outcome o : result.outcomes()) {
            if (!o.hasExpectations()) {
                out.print("SKIP " + text(o.file()) + " (" + text(o.scenario()) + "): no expect block\n");
            } else if (o.passed()) {
                out.print("PASS " + text(o.file()) + " (" + text(o.scenario()) + "): " + o.checks().size() + " expectations\n");
            } else {
                out.print("FAIL " + text(o.file()) + " (" + text(o.scenario()) + "): " + o.failures().size() + " of "
                        + o.checks().size() + " expectations failed\n");
                for (TestResults.Check c : o.failures()) {
                    out.print("  " + text(c.name()) + "\n      expected: " + text(c.expected()) + "\n      actual:   " + text(c.actual()) + "\n");
                }
            }
        }
        for (InputProblem p : result.problems()) {
            out.print("ERROR " + text(p.toString()) + "\n");
        }
        if (coverage) {
            out.print("\n" + coverageLine(result) + "\n");
            List<String> never = result.neverFired();
            if (!never.isEmpty()) {
                out.print("Never fired:\n");
                never.forEach(r -> out.print("  " + text(r) + "\n"));
            }
        }
        out.print(countLine(result) + "\n");
        out.flush();
    }

    /** The coverage line, also printed on stderr when the report goes elsewhere. */
    public static String coverageLine(TestResults result) {
        return String.format(Locale.ROOT, "Rule coverage: %.1f%% (%d of %d evaluation rules fired at least once; triage rules, which"
                + " only srm triage runs, are not counted: 'srm rules list' shows both)", result.coveragePercent(),
                result.firedRules().size(), result.allRules().size());
    }

    /** The closing line test runners read: {@code N passed, N failed}. */
    public static String countLine(TestResults result) {
        return result.checksPassed() + " passed, " + result.checksFailed() + " failed";
    }
}
