package dev.perfkit.report;

import dev.perfkit.core.ConsoleListener;
import dev.perfkit.core.Finding;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.AtomicFiles;
import dev.perfkit.report.internal.Completion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ReportFormat#CONSOLE} report: perf-core's summary table (the one
 * {@link ConsoleListener} prints at the end of a run), an {@code INCOMPLETE} line when the run did
 * not complete, then the verdict: one line per rule with the observed value, the levels and the
 * outcome, and the findings' titles. Plain text; sample names longer than the table's column are
 * cut there, as on the console.
 */
final class ConsoleReport implements Report {

    @Override
    public ReportFormat format() {
        return ReportFormat.CONSOLE;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        byte[] bytes = text(result, verdict).getBytes(StandardCharsets.UTF_8);
        return List.of(AtomicFiles.write(target, out -> out.write(bytes)));
    }

    static String text(RunResult result, Optional<Verdict> verdict) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            ConsoleListener.to(out, false).onEnd(result);
        }
        StringBuilder sb = new StringBuilder(table.toString(StandardCharsets.UTF_8));
        String nl = System.lineSeparator();
        if (!Completion.complete(result)) {
            sb.append("INCOMPLETE run: ").append(oneLine(Completion.reason(result))).append(nl);
        }
        if (verdict.isEmpty()) {
            sb.append("verdict: not judged").append(nl);
            return sb.toString();
        }
        Verdict v = verdict.get();
        sb.append("verdict: ").append(v.outcome());
        if (!v.environment().isEmpty()) {
            sb.append(" (environment ").append(oneLine(v.environment())).append(')');
        }
        sb.append(nl);
        for (RuleResult r : v.rules()) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-8s %s", r.outcome(),
                    oneLine(JunitXmlReport.describe(r)))).append(nl);
        }
        for (Finding f : v.findings()) {
            sb.append("  finding  ").append(oneLine(f.title())).append(nl);
        }
        return sb.toString();
    }

    /** Keeps a user string on its line: control characters become spaces. */
    private static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
