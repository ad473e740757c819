package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.Finding;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's content and safety, read from the written file (the browser test renders it). */
class HtmlReportTest {

    private static final String XSS_NAME = "<img src=x onerror=alert(1)>";

    @TempDir
    Path folder;

    @Test
    void shouldEscapeEveryUserControlledStringWhenTheyHoldMarkup() throws Exception {
        RunResult result = SyntheticResults.run("<script>alert('scenario')</script>", RunStatus.FAILED, 10,
                List.of(XSS_NAME, "GET /a?x=1&y=\"2\""));
        Verdict verdict = Verdict.of("<i>staging</i>", List.of(rule("p95(" + XSS_NAME + ") < 200 ms", Outcome.CRITICAL)),
                List.of(new Finding("slow_sample", XSS_NAME, "<script>alert('title')</script>",
                        List.of("<svg onload=alert(2)>"), "<a href=javascript:alert(3)>fix</a>")));

        String page = write(result, Optional.of(verdict));

        assertThat(page).doesNotContain("<img src=x", "<script>alert", "<svg onload", "<a href=javascript",
                "<i>staging", "<b>heap");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(&#39;scenario&#39;)",
                "GET /a?x=1&amp;y=&quot;2&quot;", "&lt;i&gt;staging&lt;/i&gt;", "&lt;b&gt;heap&lt;/b&gt;");
        assertThat(count(page, "<script")).as("only the report's own script").isEqualTo(1);
    }

    @Test
    void shouldMarkTheReportIncompleteWithItsErrorWhenTheRunFailed() throws Exception {
        String failed = write(SyntheticResults.run("shop", RunStatus.FAILED, 5, List.of("a")), Optional.empty());
        String stopped = write(SyntheticResults.run("shop", RunStatus.STOPPED, 5, List.of("a")), Optional.empty());
        String completed = write(SyntheticResults.run("shop", RunStatus.COMPLETED, 5, List.of("a")), Optional.empty());

        assertThat(failed).contains("id=\"incomplete\"", "Incomplete run</strong> (FAILED)",
                "java.lang.OutOfMemoryError: &lt;b&gt;heap");
        assertThat(stopped).contains("id=\"incomplete\"", "(STOPPED)");
        assertThat(completed).doesNotContain("id=\"incomplete\"");
    }

    @Test
    void shouldReportWhatWasMeasuredWhenARealRunFailsHalfWay() throws Exception {
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("half-way").users(2).hold(Duration.ofSeconds(30))
                .task(1, "step", session -> {
                    if (calls.incrementAndGet() == 300) {
                        throw new AssertionError("the target returned <garbage>");
                    }
                    LockSupport.parkNanos(200_000);
                });
        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(20)).build());

        String page = write(result, Optional.empty());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(page).contains("Incomplete run</strong> (FAILED)", "the target returned &lt;garbage&gt;",
                "<th scope=\"row\">step</th>", ">" + result.sample("step").orElseThrow().count() + "</td>");
    }

    @Test
    void shouldSayNoDataInsteadOfDrawingWhenTheRunRecordedNothing() throws Exception {
        RunResult empty = SyntheticResults.run("empty", RunStatus.FAILED, 0, List.of());

        String page = write(empty, Optional.empty());

        assertThat(page).contains("id=\"chart-distribution\"><figcaption>", "No data: the run recorded nothing")
                .doesNotContain("<path class=\"series");
    }

    @Test
    void shouldShowTheVerdictFirstAndFindingsWithRecommendationsWhenJudged() throws Exception {
        Verdict verdict = Verdict.of("staging", List.of(rule("p95(total) < 200 ms", Outcome.PASS),
                        rule("errorRate(total) < 0.5%", Outcome.CRITICAL)),
                List.of(new Finding("error_burst", "total", "Errors reached 12 % at 0:40",
                        List.of("12 % of requests failed between 0:40 and 0:50."), "Look at the target's logs.")));

        String page = write(SyntheticResults.run("shop", RunStatus.COMPLETED, 5, List.of("a")), Optional.of(verdict));
        String notJudged = write(SyntheticResults.run("shop", RunStatus.COMPLETED, 5, List.of("a")), Optional.empty());

        assertThat(page.indexOf("id=\"verdict\"")).isPositive().isLessThan(page.indexOf("id=\"statistics\""));
        assertThat(page).contains("<p class=\"outcome critical\">CRITICAL", "errorRate(total) &lt; 0.5%",
                "Errors reached 12 % at 0:40", "<strong>Recommendation:</strong> Look at the target&#39;s logs.");
        assertThat(notJudged).contains("Not judged").doesNotContain("id=\"findings\"");
    }

    @Test
    void shouldListEveryNameInTheTableButDrawOnlyTheBusiestWhenThereAreMany() throws Exception {
        List<String> names = IntStream.range(0, 100).mapToObj(i -> "GET /items/" + i).toList();

        String page = write(SyntheticResults.run("many", RunStatus.COMPLETED, 20, names), Optional.empty());

        String table = between(page, "<table class=\"stats sortable\"", "</table>");
        assertThat(count(table, "<tr>")).as("header, total and one row per name").isEqualTo(1 + 1 + 100);
        String throughput = between(page, "id=\"chart-throughput\"", "</figure>");
        assertThat(count(throughput, "<path class=\"series")).isEqualTo(1 + 5);
        assertThat(page).contains("id=\"chart-percentiles\"", "id=\"chart-users\"", "id=\"chart-errors\"",
                "id=\"chart-distribution\"", "id=\"chart-p95-names\"", "id=\"gauges\"");
    }

    @Test
    void shouldStayUnderFiveMegabytesWithBoundedPathsWhenTheRunIsAnHourAtOneSecondWithAHundredNames() throws Exception {
        List<String> names = IntStream.range(0, 100).mapToObj(i -> "GET /api/v1/resource-" + i + "/{id}").toList();
        RunResult hour = SyntheticResults.run("hour", RunStatus.COMPLETED, 3_600, names);
        Path target = folder.resolve("hour.html");

        Reports.html().write(hour, target);

        assertThat(Files.size(target)).isLessThan(5L * 1024 * 1024);
        Matcher paths = Pattern.compile("<path class=\"series[^\"]*\" d=\"([^\"]*)\"").matcher(Files.readString(target));
        int checked = 0;
        while (paths.find()) {
            long points = paths.group(1).chars().filter(c -> c == 'M' || c == 'L').count();
            // the plot is 728 px wide: at most a lowest and a highest point per pixel column
            assertThat(points).isLessThanOrEqualTo(2 * 728);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void shouldReplaceTheFileAtomicallyAndLeaveNoTemporaryFileWhenWrittenTwice() throws Exception {
        Path target = folder.resolve("nested/deeper/report.html");
        RunResult first = SyntheticResults.run("first", RunStatus.COMPLETED, 3, List.of("a"));
        RunResult second = SyntheticResults.run("second", RunStatus.COMPLETED, 3, List.of("a"));

        List<Path> written = Reports.html().write(first, target);
        Reports.html().write(second, target);

        assertThat(written).containsExactly(target);
        assertThat(Files.readString(target)).contains("<h1>second</h1>").doesNotContain("<h1>first</h1>");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Reports.html().format()).isEqualTo(ReportFormat.HTML);
    }

    @Test
    void shouldRejectAFolderAsTargetWhenWriting() {
        RunResult result = SyntheticResults.run("folder", RunStatus.COMPLETED, 3, List.of("a"));

        assertThatThrownBy(() -> Reports.html().write(result, folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("htmlReport: target must be a file, was the folder " + folder);
    }

    @Test
    void shouldAllowExactlyItsOwnScriptInTheContentSecurityPolicy() throws Exception {
        String page = write(SyntheticResults.run("csp", RunStatus.COMPLETED, 3, List.of("a")), Optional.empty());

        String script = between(page, "<script>", "</script>").substring("<script>".length());
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains("default-src 'none'", "script-src 'sha256-" + hash + "'");
    }

    private String write(RunResult result, Optional<Verdict> verdict) throws Exception {
        Path target = folder.resolve("report-" + System.nanoTime() + ".html");
        Reports.html().write(result, verdict, target);
        return Files.readString(target);
    }

    private static RuleResult rule(String text, Outcome outcome) {
        return new RuleResult(text, "total", "p95", "ms", 250, 150, 200, true, "run", outcome, "<u>note</u>");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("%s in the page", from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }

}
