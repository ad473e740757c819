package dev.perfkit.runner.internal;

import dev.perfkit.core.ExitCode;
import dev.perfkit.core.Finding;
import dev.perfkit.report.Reports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The end of a run on the console: per suite and scenario the summary table and verdict, the
 * findings with their recommendations, the comparison with the baseline, the report files and
 * notes; then one line per scenario and the exit code.
 */
final class Summary {

    private Summary() {
    }

    /** The most serious exit code of the outcomes ({@link ExitCode}'s codes grow with seriousness). */
    static ExitCode exitCode(List<ScenarioOutcome> outcomes) {
        return outcomes.stream().map(ScenarioOutcome::exit).max(Comparator.comparingInt(ExitCode::code))
                .orElse(ExitCode.RUN_ERROR);
    }

    static void print(List<ScenarioOutcome> outcomes, PrintStream out) {
        String suite = null;
        for (ScenarioOutcome o : outcomes) {
            if (!o.suite().equals(suite)) {
                suite = o.suite();
                out.println();
                out.println("=== suite " + suite + " ===");
            }
            out.println();
            out.println("--- " + o.suite() + "/" + o.scenario() + " ---");
            o.result().ifPresent(r -> out.print(Reports.summary(r, o.verdict())));
            o.verdict().ifPresent(v -> {
                for (Finding f : v.findings()) {
                    out.println("  finding: " + f.title());
                    for (String e : f.evidence()) {
                        out.println("    evidence: " + e);
                    }
                    out.println("    recommendation: " + f.recommendation());
                }
            });
            o.comparison().ifPresent(c -> out.println("baseline: " + c.summary()));
            if (!o.reports().isEmpty()) {
                out.println("reports:");
                for (Path p : o.reports()) {
                    out.println("  " + p);
                }
            }
            for (String note : o.notes()) {
                out.println("note: " + note);
            }
        }
        out.println();
        out.println("=== summary ===");
        for (ScenarioOutcome o : outcomes) {
            String verdict = o.verdict().map(v -> v.outcome().name()).orElse("NOT JUDGED");
            String baseline = o.comparison().map(c -> c.hasRegression() ? "regression" : "no regression").orElse("");
            out.printf(Locale.ROOT, "%-40s %-10s %-13s -> %s%n", o.suite() + "/" + o.scenario(), verdict, baseline,
                    o.exit().name());
        }
        ExitCode exit = exitCode(outcomes);
        out.println("exit code " + exit.code() + " (" + exit.name() + ")");
    }
}
