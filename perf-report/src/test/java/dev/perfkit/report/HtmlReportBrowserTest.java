package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfkit.core.Finding;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import dev.perfkit.core.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real short run, opened in headless Chromium through the DevTools protocol:
 * it renders without console errors, its charts have drawn lines, the table sorts (so the
 * Content-Security-Policy lets the report's own script run), a sample named like an XSS payload
 * shows as text, and it prints. The page, screenshots (screen and print style) and the PDF print
 * are kept in {@code target/} as artifacts.
 * Skipped, loudly, when no Chromium is installed ({@code .ci/run} installs Debian's).
 */
class HtmlReportBrowserTest {

    private static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    private static final Path ARTIFACTS = Path.of("target");

    @TempDir
    Path profile;

    @Test
    void shouldRenderChartsWithoutErrorsAndShowMarkupAsTextWhenOpenedInChromium() throws Exception {
        Optional<Path> binary = Chromium.find();
        if (binary.isEmpty()) {
            System.err.println("SKIPPED HtmlReportBrowserTest: no chromium on the PATH; install it (apt-get install chromium) or set PERFKIT_CHROMIUM");
        }
        Assumptions.assumeTrue(binary.isPresent(), "no chromium binary: the HTML report was not checked in a browser");
        Path page = ARTIFACTS.resolve("html-report-browser.html").toAbsolutePath();
        RunResult result = shortRun();
        Reports.html().write(result, verdict(), page);

        try (Chromium chromium = Chromium.start(binary.get(), profile);
             DevToolsClient devTools = DevToolsClient.connect(chromium.devTools())) {
            String targetId = devTools.call(null, "Target.createTarget", devTools.params().put("url", "about:blank"))
                    .get("targetId").asText();
            String session = devTools.call(null, "Target.attachToTarget",
                    devTools.params().put("targetId", targetId).put("flatten", true)).get("sessionId").asText();
            for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable")) {
                devTools.call(session, domain, devTools.params());
            }
            devTools.call(session, "Emulation.setDeviceMetricsOverride", devTools.params()
                    .put("width", 1366).put("height", 900).put("deviceScaleFactor", 1).put("mobile", false));
            var loaded = devTools.event(e -> "Page.loadEventFired".equals(e.path("method").asText()));
            devTools.call(session, "Page.navigate", devTools.params().put("url", page.toUri().toString()));
            loaded.get(30, TimeUnit.SECONDS);

            JsonNode charts = evaluate(devTools, session, """
                    [...document.querySelectorAll('figure.chart')].map(f => ({
                      id: f.id,
                      drawn: [...f.querySelectorAll('path.series')]
                          .filter(p => p.getAttribute('d') && p.getBBox().width > 0).length,
                      width: f.querySelector('svg').getBoundingClientRect().width }))""");
            JsonNode xss = evaluate(devTools, session, """
                    ({ images: document.querySelectorAll('img').length,
                       asText: [...document.querySelectorAll('#stats tbody th')]
                           .filter(th => th.textContent === '<img src=x onerror=alert(1)>').length,
                       scripts: document.scripts.length })""");
            JsonNode sorted = evaluate(devTools, session, """
                    (() => { const th = [...document.querySelectorAll('#stats thead th')]
                                 .find(h => h.textContent === 'Count');
                             th.click();
                             return { sort: th.getAttribute('aria-sort'),
                                      counts: [...document.querySelectorAll('#stats tbody:last-of-type tr')]
                                          .map(r => Number(r.cells[2].getAttribute('data-v'))) }; })()""");
            screenshot(devTools, session, 1366, "html-report-screenshot.png");
            // the print style sheet on an A4-wide page (794 CSS px), kept to look at
            devTools.call(session, "Emulation.setEmulatedMedia", devTools.params().put("media", "print"));
            devTools.call(session, "Emulation.setDeviceMetricsOverride", devTools.params()
                    .put("width", 794).put("height", 1123).put("deviceScaleFactor", 1).put("mobile", false));
            screenshot(devTools, session, 794, "html-report-print.png");
            JsonNode pdf = devTools.call(session, "Page.printToPDF", devTools.params().put("printBackground", true));

            List<String> errors = errors(devTools.events());
            // the probe proves that the collection of console errors works, so that "no error" means something
            var probe = devTools.event(e -> e.path("method").asText().equals("Runtime.consoleAPICalled"));
            evaluate(devTools, session, "console.error('probe of the error collection'), 1");
            probe.get(30, TimeUnit.SECONDS);

            assertThat(errors(devTools.events())).hasSizeGreaterThan(errors.size());
            assertThat(errors).as("console errors and exceptions").isEmpty();
            assertThat(dialogs(devTools.events())).as("alert dialogs").isEmpty();
            assertThat(ids(charts)).contains("chart-throughput", "chart-percentiles", "chart-p95-names", "chart-users",
                    "chart-errors", "chart-distribution", "chart-gauge-0");
            for (JsonNode chart : charts) {
                assertThat(chart.get("drawn").asInt()).as("drawn lines in %s", chart.get("id")).isPositive();
                assertThat(chart.get("width").asDouble()).as("width of %s", chart.get("id")).isGreaterThan(300);
            }
            assertThat(xss.get("images").asInt()).isZero();
            assertThat(xss.get("asText").asInt()).isEqualTo(1);
            assertThat(xss.get("scripts").asInt()).isEqualTo(1);
            assertThat(sorted.get("sort").asText()).isEqualTo("ascending");
            List<Long> counts = new ArrayList<>();
            sorted.get("counts").forEach(c -> counts.add(c.asLong()));
            assertThat(counts).hasSize(result.samples().size()).isSorted();
            byte[] printed = Base64.getDecoder().decode(pdf.get("data").asText());
            Files.write(ARTIFACTS.resolve("html-report-print.pdf"), printed);
            assertThat(printed).hasSizeGreaterThan(10_000);
        }
    }

    /** A real run of ~600 ms at 100 ms intervals: three names, one named like an XSS payload, with failures. */
    private static RunResult shortRun() throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("browser <check>")
                .users(4).hold(Duration.ofMillis(600))
                .task(3, "GET /home", session -> LockSupport.parkNanos(1_000_000))
                .task(1, XSS_NAME, session -> {
                    LockSupport.parkNanos(2_000_000);
                    if (calls.incrementAndGet() % 5 == 0) {
                        throw new TaskFailure("http_500", "status 500 <script>alert(2)</script>");
                    }
                })
                .task(1, "POST /checkout", session -> LockSupport.parkNanos(3_000_000));
        RunResult result = LoadTest.run(scenario, RunOptions.custom()
                .interval(Duration.ofMillis(100))
                .addGauge("jvm.threads", () -> Thread.activeCount())
                .build());
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.intervals()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(result.sample(XSS_NAME).orElseThrow().failures()).isPositive();
        return result;
    }

    private static Verdict verdict() {
        return Verdict.of("loopback", List.of(new RuleResult("p95(total) < 200 ms", "total", "p95", "ms", 3.1, 150, 200,
                        true, "run", Outcome.PASS, ""),
                new RuleResult("errorRate(" + XSS_NAME + ") < 1%", XSS_NAME, "errorRate", "ratio", 0.2, Double.NaN, 0.01,
                        true, "run", Outcome.CRITICAL, "")),
                List.of(new Finding("error_burst", XSS_NAME, "20 % of " + XSS_NAME + " failed",
                        List.of("Every fifth call failed with status 500."), "Read the target's logs for the 500s.")));
    }

    private static JsonNode evaluate(DevToolsClient devTools, String session, String expression) throws Exception {
        ObjectNode params = devTools.params().put("expression", expression).put("returnByValue", true);
        JsonNode reply = devTools.call(session, "Runtime.evaluate", params);
        assertThat(reply.has("exceptionDetails")).as("exception in %s: %s", expression, reply).isFalse();
        return reply.get("result").get("value");
    }

    private static void screenshot(DevToolsClient devTools, String session, int width, String file) throws Exception {
        JsonNode metrics = devTools.call(session, "Page.getLayoutMetrics", devTools.params());
        double height = metrics.path("cssContentSize").path("height").asDouble(900);
        ObjectNode clip = devTools.params().put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
        ObjectNode params = devTools.params().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = devTools.call(session, "Page.captureScreenshot", params);
        Files.write(ARTIFACTS.resolve(file), Base64.getDecoder().decode(shot.get("data").asText()));
    }

    private static List<String> errors(List<JsonNode> events) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : events) {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            if (method.equals("Runtime.exceptionThrown")
                    || method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())
                    || method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                errors.add(e.toString());
            }
        }
        return errors;
    }

    private static List<String> dialogs(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("method").asText().equals("Page.javascriptDialogOpening"))
                .map(JsonNode::toString).toList();
    }

    private static List<String> ids(JsonNode charts) {
        List<String> ids = new ArrayList<>();
        charts.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
