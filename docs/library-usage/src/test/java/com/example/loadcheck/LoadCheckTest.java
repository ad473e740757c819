package com.example.loadcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Thresholds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load check against its own loopback service, in one-second runs. */
class LoadCheckTest {

    private static final Duration HOLD = Duration.ofSeconds(1);

    private static HttpServer service;
    private static String baseUrl;

    @BeforeAll
    static void startService() throws Exception {
        service = LoadCheck.startService();
        baseUrl = "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @AfterAll
    static void stopService() {
        service.stop(0);
    }

    @Test
    void shouldPassAndPrintTheVerdictWhenTheServiceAnswersEveryRequest() throws Exception {
        LoadCheck.Report report = LoadCheck.run(baseUrl, HOLD, LoadCheck.thresholds());

        SampleStats hello = report.result().sample("hello").orElseThrow();
        assertThat(hello.count()).isPositive();
        assertThat(hello.failures()).isZero();
        assertThat(report.result().sample("items").orElseThrow().failures()).isZero();
        // The levels (p95 below 500 ms, at least 20 requests/s from 4 users on loopback) leave
        // orders of magnitude of room even on a loaded machine.
        assertThat(report.verdict().outcome()).isNotEqualTo(Outcome.CRITICAL);
        assertThat(report.exitCode()).isEqualTo(ExitCode.PASS);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
            .contains("rule p95(hello)")
            .contains("verdict: " + report.verdict().outcome() + " (exit code 0)");
    }

    @Test
    void shouldExitWithThresholdCriticalWhenThroughputIsBelowTheCriticalLevel() throws Exception {
        // A million requests per second is out of reach of four users on one machine.
        Thresholds unreachable = Thresholds.none().throughput().atLeast(1_000_000);

        LoadCheck.Report report = LoadCheck.run(baseUrl, HOLD, unreachable);

        assertThat(report.verdict().outcome()).isEqualTo(Outcome.CRITICAL);
        assertThat(report.verdict().rules()).singleElement()
            .satisfies(rule -> assertThat(rule.observed()).isPositive().isLessThan(1_000_000));
        assertThat(report.exitCode()).isEqualTo(ExitCode.THRESHOLD_CRITICAL);
        assertThat(report.exitCode().code()).isEqualTo(4);
    }
}
