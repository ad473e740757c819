package dev.perfkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes while a run goes on: the registry's text exposition served on loopback
 * by the JDK's HTTP server, as in docs/reports.md, fetched during the run and after it.
 */
class PrometheusExportTest {

    @Test
    void shouldExposeSampleNamesAsLabelsOnTheScrapeEndpointWhileTheRunGoesOn() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        CountDownLatch intervals = new CountDownLatch(2);
        AtomicLong orders = new AtomicLong();
        // held far longer than the test needs: stopped as soon as it has been scraped
        Scenario scenario = Scenario.named("shop").users(2).hold(Duration.ofSeconds(20))
                .task(1, "POST /order", session -> {
                    LockSupport.parkNanos(1_000_000);
                    if (orders.incrementAndGet() % 5 == 0) {
                        throw new TaskFailure("http_503", "status 503");
                    }
                });
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI metrics = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
            RunHandle handle = LoadTest.start(scenario, RunOptions.custom()
                    .interval(Duration.ofMillis(50))
                    .addListener(MicrometerListener.custom(registry).tag("env", "ci").build())
                    .addListener(new RunListener() {
                        @Override
                        public void onInterval(IntervalStats interval) {
                            intervals.countDown();
                        }
                    })
                    .build());
            String during;
            try {
                assertThat(intervals.await(30, TimeUnit.SECONDS)).isTrue();
                during = scrape(client, metrics);
            } finally {
                handle.stop();
            }
            RunResult result = handle.await();
            String after = scrape(client, metrics);

            assertThat(during).contains("perfkit_run_active{env=\"ci\",scenario=\"shop\"} 1.0",
                    "# TYPE perfkit_response_time_seconds gauge");
            assertThat(during).containsPattern("perfkit_response_time_seconds\\{env=\"ci\",kind=\"total\","
                    + "sample=\"total\",scenario=\"shop\",statistic=\"p95\"} [0-9.]*[1-9][0-9]*(E-[0-9]+)?");
            assertThat(during).containsPattern(
                    "perfkit_throughput\\{env=\"ci\",kind=\"task\",sample=\"POST /order\",scenario=\"shop\"} [1-9][0-9.E]*");
            assertThat(after).contains("perfkit_run_active{env=\"ci\",scenario=\"shop\"} 0.0",
                    "perfkit_samples_total{env=\"ci\",kind=\"task\",outcome=\"failure\",sample=\"POST /order\",scenario=\"shop\"} "
                            + result.sample("POST /order").orElseThrow().failures() + ".0");
        } finally {
            server.stop(0);
        }
    }

    private static String scrape(HttpClient client, URI metrics) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
