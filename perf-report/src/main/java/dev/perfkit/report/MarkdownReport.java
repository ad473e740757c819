package dev.perfkit.report;

import dev.perfkit.core.Finding;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.AtomicFiles;
import dev.perfkit.report.internal.Completion;
import dev.perfkit.report.internal.Markdown;
import dev.perfkit.report.internal.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link ReportFormat#MARKDOWN} report: a short summary for a pull-request comment. A verdict
 * line with a plain-text marker ({@code [PASS]}, {@code [WARNING]}, {@code [CRITICAL]},
 * {@code [NOT JUDGED]}), an {@code [INCOMPLETE]} line when the run did not complete, the top
 * table (the total and the {@value #TOP} busiest task and request names), the rules that did not
 * pass, and the findings with their recommendations. Every user string is escaped.
 */
final class MarkdownReport implements Report {

    static final int TOP = 10;

    @Override
    public ReportFormat format() {
        return ReportFormat.MARKDOWN;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        byte[] bytes = markdown(result, verdict).getBytes(StandardCharsets.UTF_8);
        return List.of(AtomicFiles.write(target, out -> out.write(bytes)));
    }

    static String markdown(RunResult r, Optional<Verdict> verdict) {
        StringBuilder md = new StringBuilder(1024);
        String marker = verdict.map(v -> "[" + v.outcome().name() + "]").orElse("[NOT JUDGED]");
        md.append("### ").append(marker).append(" perfkit: ").append(Markdown.escape(r.scenario())).append("\n\n");
        if (!Completion.complete(r)) {
            md.append("**[INCOMPLETE]** ").append(Markdown.escape(Completion.reason(r))).append("\n\n");
        }
        md.append(String.format(Locale.ROOT, "%s, %s model, %.1f s, %d iterations, peak %d users, seed %d",
                Markdown.escape(r.description()), r.model().name().toLowerCase(Locale.ROOT),
                r.duration().toNanos() / 1e9, r.iterations(), r.peakUsers(), r.seed()));
        verdict.filter(v -> !v.environment().isEmpty())
                .ifPresent(v -> md.append(", environment ").append(Markdown.escape(v.environment())));
        md.append("\n\n| name | count | errors | p50 ms | p95 ms | p99 ms | rate/s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        row(md, "**total**", r.total());
        r.samples().stream()
                .filter(s -> s.kind() == SampleKind.TASK || s.kind() == SampleKind.REQUEST)
                .sorted(Comparator.comparingLong(SampleStats::count).reversed())
                .limit(TOP)
                .forEach(s -> row(md, Markdown.escape(s.name()), s));
        long names = r.samples().stream()
                .filter(s -> s.kind() == SampleKind.TASK || s.kind() == SampleKind.REQUEST).count();
        if (names > TOP) {
            md.append("\n").append(names - TOP).append(" more names in the full report.\n");
        }
        verdict.ifPresent(v -> verdictPart(md, v));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, SampleStats s) {
        LatencyStats t = s.responseTime();
        md.append("| ").append(name).append(" | ").append(s.count()).append(" | ")
                .append(String.format(Locale.ROOT, "%d (%.2f %%)", s.failures(), s.errorRate() * 100)).append(" | ")
                .append(Units.decimal(t.p50Nanos() / 1e6, 2)).append(" | ")
                .append(Units.decimal(t.p95Nanos() / 1e6, 2)).append(" | ")
                .append(Units.decimal(t.p99Nanos() / 1e6, 2)).append(" | ")
                .append(Units.decimal(s.throughput(), 1)).append(" |\n");
    }

    private static void verdictPart(StringBuilder md, Verdict v) {
        List<RuleResult> notPassed = v.rules().stream().filter(r -> r.outcome() != Outcome.PASS).toList();
        md.append("\n").append(v.rules().size() - notPassed.size()).append(" of ").append(v.rules().size())
                .append(" rules passed.\n");
        if (!notPassed.isEmpty()) {
            md.append("\n| outcome | rule | observed | warning | critical | window |\n");
            md.append("|---|---|---:|---:|---:|---|\n");
            for (RuleResult r : notPassed) {
                md.append("| [").append(r.outcome().name()).append("] | ").append(Markdown.escape(r.rule()))
                        .append(" | ").append(Markdown.escape(Units.ruleValue(r.observed(), r.unit())))
                        .append(" | ").append(Markdown.escape(Units.ruleValue(r.warning(), r.unit())))
                        .append(" | ").append(Markdown.escape(Units.ruleValue(r.critical(), r.unit())))
                        .append(" | ").append(Markdown.escape(r.window())).append(" |\n");
            }
        }
        if (!v.findings().isEmpty()) {
            md.append("\n**Findings**\n\n");
            for (Finding f : v.findings()) {
                md.append("- **").append(Markdown.escape(f.title())).append("** (")
                        .append(Markdown.escape(f.kind())).append(", ").append(Markdown.escape(f.subject()))
                        .append(")  \n  ").append(Markdown.escape(f.recommendation())).append('\n');
            }
        }
    }
}
