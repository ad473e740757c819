package com.example.loadcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.Finding;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.UserType;
import dev.perfkit.core.Verdict;
import dev.perfkit.http.Check;
import dev.perfkit.http.Http;
import dev.perfkit.http.HttpConfig;
import dev.perfkit.http.HttpRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * A load check written by an application that uses perfkit as a library: it starts a small HTTP
 * service on 127.0.0.1 (a stand-in for the system under test), loads it for two seconds with
 * four virtual users through perf-http, judges the run against its own thresholds, prints the
 * verdict and exits with a non-zero status when a threshold is CRITICAL.
 *
 * <p>Run it with {@code mvn verify exec:java} in this project's directory (see docs/library.md).
 */
public final class LoadCheck {

    /** How long the load is held when run from {@link #main}. */
    static final Duration HOLD = Duration.ofSeconds(2);

    private LoadCheck() {
    }

    /**
     * Runs the check against its own loopback service and exits with {@link ExitCode#code()} when
     * the run did not pass (2 regression, 3 a critical threshold, 4 the run failed).
     *
     * @param args none
     * @throws Exception if the service cannot start or the run is interrupted
     */
    public static void main(String[] args) throws Exception {
        HttpServer service = startService();
        try {
            String baseUrl = "http://127.0.0.1:" + service.getAddress().getPort();
            Report report = run(baseUrl, HOLD, thresholds());
            report.print(System.out);
            if (report.exitCode() != ExitCode.PASS) {
                System.exit(report.exitCode().code());
            }
        } finally {
            service.stop(0);
        }
    }

    /** The thresholds this application holds its service to. */
    static Thresholds thresholds() {
        return Thresholds.none()
            .p95("hello").below(Duration.ofMillis(250), Duration.ofMillis(500))
            .errorRate().below(0.01)
            .throughput().atLeast(20);
    }

    /**
     * Loads {@code baseUrl} with four users for {@code hold} and judges the run.
     *
     * @param baseUrl    the service, for example {@code http://127.0.0.1:8080}
     * @param hold       how long the load lasts
     * @param thresholds what the run is judged against
     * @return the run and its verdict
     * @throws InterruptedException if interrupted while the run goes on
     */
    static Report run(String baseUrl, Duration hold, Thresholds thresholds) throws InterruptedException {
        // Each task is one request, so the task's sample stands for it (timed from the task's
        // start, failures included) and the requests are not recorded twice; their phases
        // (connect, waiting, ...) still are.
        try (Http http = Http.create(HttpConfig.custom().baseUrl(baseUrl).recordRequests(false).build())) {
            HttpRequest hello = HttpRequest.get("/hello").check(Check.status(200), Check.bodyContains("hello"));
            HttpRequest items = HttpRequest.get("/items").check(Check.status(200), Check.json("/items"));
            Scenario scenario = Scenario.named("library-usage").users(4).hold(hold)
                .userType(UserType.named("visitor")
                    .task(3, "hello", http.task(hello))
                    .task(1, "items", http.task(items)));
            RunResult result = LoadTest.run(scenario);
            return new Report(result, thresholds.evaluate(result));
        }
    }

    /**
     * Starts the stand-in service on a free port of 127.0.0.1: {@code GET /hello} answers a short
     * text, {@code GET /items} a small JSON document.
     *
     * @return the started server; stop it with {@code stop(0)}
     * @throws IOException if it cannot bind
     */
    static HttpServer startService() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> answer(exchange, "text/plain", "hello from the service"));
        server.createContext("/items", exchange -> answer(exchange, "application/json", "{\"items\":[1,2,3]}"));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * A finished run with its verdict.
     *
     * @param result  what the run measured
     * @param verdict how it was judged
     */
    record Report(RunResult result, Verdict verdict) {

        /** The exit status for a CI job: see {@link ExitCode#of}. */
        ExitCode exitCode() {
            return ExitCode.of(result, verdict, null);
        }

        /** Prints one line per task, one per rule, the findings, then the verdict line. */
        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%s: %s after %.1f s, %d iterations%n", result.scenario(),
                result.status(), result.duration().toMillis() / 1000.0, result.iterations());
            for (SampleStats s : result.samples()) {
                if (s.kind() != SampleKind.TASK) {
                    continue;   // the request phases: in the result, not in this summary
                }
                out.printf(Locale.ROOT, "  %-6s %7d requests %5d failed  p95 %8.2f ms  %9.1f/s%n", s.name(), s.count(),
                    s.failures(), s.responseTime().p95().toNanos() / 1e6, s.throughput());
            }
            for (RuleResult rule : verdict.rules()) {
                out.printf(Locale.ROOT, "  rule %-46s observed %10.3f %-5s %s%n", rule.rule(), rule.observed(),
                    rule.unit(), rule.outcome());
            }
            for (Finding finding : verdict.findings()) {
                out.println("  finding: " + finding.title());
            }
            out.println("verdict: " + verdict.outcome() + " (exit code " + exitCode().code() + ")");
        }
    }
}
