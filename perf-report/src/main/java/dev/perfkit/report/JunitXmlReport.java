package dev.perfkit.report;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.AtomicFiles;
import dev.perfkit.report.internal.Completion;
import dev.perfkit.report.internal.Units;
import dev.perfkit.report.internal.Xml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ReportFormat#JUNIT_XML} report, in the layout of the Ant/Jenkins JUnit schema that CI
 * systems read: one {@code testsuite} named after the scenario; a first test case {@code run
 * completed} that is an {@code <error>} when the run did not complete; then one test case per
 * threshold rule (class name the scenario, name the rule), with a {@code <failure>} for a critical
 * breach and the warning in {@code <system-out>}. Findings are suite properties
 * ({@code finding.N}) and lines of the suite's {@code <system-out>}.
 */
final class JunitXmlReport implements Report {

    static final String RUN_CASE = "run completed";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Override
    public ReportFormat format() {
        return ReportFormat.JUNIT_XML;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        byte[] bytes = xml(result, verdict).getBytes(StandardCharsets.UTF_8);
        return List.of(AtomicFiles.write(target, out -> out.write(bytes)));
    }

    static String xml(RunResult r, Optional<Verdict> verdict) {
        List<RuleResult> rules = verdict.map(Verdict::rules).orElse(List.of());
        List<Finding> findings = verdict.map(Verdict::findings).orElse(List.of());
        boolean complete = Completion.complete(r);
        long failures = rules.stream().filter(x -> x.outcome() == Outcome.CRITICAL).count();
        String scenario = Xml.attribute(r.scenario());
        String seconds = Units.decimal(r.duration().toNanos() / 1e9, 3);
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(scenario).append("\" tests=\"").append(rules.size() + 1)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(complete ? 0 : 1)
                .append("\" skipped=\"0\" time=\"").append(seconds).append("\" timestamp=\"")
                .append(TIMESTAMP.format(r.start().truncatedTo(ChronoUnit.SECONDS))).append("\">\n");
        x.append("  <properties>\n");
        property(x, "status", r.status().name());
        property(x, "stopReason", r.stopReason());
        property(x, "seed", Long.toString(r.seed()));
        verdict.ifPresent(v -> {
            property(x, "verdict", v.outcome().name());
            property(x, "environment", v.environment());
        });
        for (int i = 0; i < findings.size(); i++) {
            property(x, "finding." + (i + 1), findings.get(i).title());
        }
        x.append("  </properties>\n");
        x.append("  <testcase classname=\"").append(scenario).append("\" name=\"").append(RUN_CASE)
                .append("\" time=\"").append(seconds).append("\"");
        if (complete) {
            x.append("/>\n");
        } else {
            x.append(">\n    <error type=\"").append(r.status().name()).append("\" message=\"")
                    .append(Xml.attribute("run incomplete: " + Completion.reason(r))).append("\">")
                    .append(Xml.text(Completion.reason(r))).append("</error>\n  </testcase>\n");
        }
        for (RuleResult rule : rules) {
            testCase(x, scenario, rule);
        }
        if (!findings.isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (Finding f : findings) {
                out.append("finding ").append(f.kind()).append(" (").append(f.subject()).append("): ")
                        .append(f.title()).append('\n');
                f.evidence().forEach(e -> out.append("  - ").append(e).append('\n'));
                out.append("  recommendation: ").append(f.recommendation()).append('\n');
            }
            x.append("  <system-out>").append(Xml.text(out.toString())).append("</system-out>\n");
        }
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static void testCase(StringBuilder x, String scenario, RuleResult rule) {
        x.append("  <testcase classname=\"").append(scenario).append("\" name=\"").append(Xml.attribute(rule.rule()))
                .append("\" time=\"0\"");
        if (rule.outcome() == Outcome.PASS) {
            x.append("/>\n");
            return;
        }
        x.append(">\n");
        String line = describe(rule);
        if (rule.outcome() == Outcome.CRITICAL) {
            x.append("    <failure type=\"CRITICAL\" message=\"").append(Xml.attribute(line)).append("\">")
                    .append(Xml.text(line)).append("</failure>\n");
        } else {
            x.append("    <system-out>").append(Xml.text("WARNING: " + line)).append("</system-out>\n");
        }
        x.append("  </testcase>\n");
    }

    static String describe(RuleResult r) {
        String text = r.rule() + ": observed " + Units.ruleValue(r.observed(), r.unit()) + ", warning "
                + Units.ruleValue(r.warning(), r.unit()) + ", critical " + Units.ruleValue(r.critical(), r.unit())
                + " (" + r.window() + ")";
        return r.note().isEmpty() ? text : text + "; " + r.note();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("    <property name=\"").append(Xml.attribute(name)).append("\" value=\"")
                .append(Xml.attribute(value)).append("\"/>\n");
    }
}
