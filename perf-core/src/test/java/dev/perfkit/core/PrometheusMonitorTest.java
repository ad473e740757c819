package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMonitorTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch secondRequest = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    @Test
    void shouldStoreChangingValuesOfSelectedSeriesWhenTargetIsScrapedEveryInterval() throws Exception {
        AtomicInteger scrapes = new AtomicInteger();
        AtomicReference<String> authorization = new AtomicReference<>();
        CountDownLatch sixthScrape = new CountDownLatch(1);
        URI uri = serve(exchange -> {
            int n = scrapes.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            if (n == 6) {
                sixthScrape.countDown();
            }
            respond(exchange, 200, """
                    # HELP temperature_celsius Room temperature, "quoted" \\\\ and escaped
                    # TYPE temperature_celsius gauge
                    temperature_celsius{room="a \\"big\\" one"} %d
                    temperature_celsius{room="other"} 1000
                    # TYPE requests_total counter
                    requests_total{code="200"} %d 1700000000000
                    """.formatted(n, 10 * n));
        });
        PrometheusMonitor monitor = PrometheusMonitor.custom(uri).label("svc").timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer s3cret")
                .addSeries("temperature", "temperature_celsius", Map.of("room", "a \"big\" one"))
                .addRate("requests", "requests_total")
                .addSeries("absent", "not_there")
                .build();
        // The one iteration waits until the target has been asked 6 times: scrapes run one after the
        // other, so the first 5 have been stored by then.
        Scenario scenario = Scenario.named("scraped").users(1).iterations(1).task(1, "wait", session -> {
            if (!sixthScrape.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the target was not scraped 6 times in 10 s");
            }
        });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(50))
                .addMonitor(monitor).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.total().failures()).isZero();
        List<Double> temperatures = result.intervals().stream().map(i -> i.gauges().get("svc.temperature"))
                .filter(v -> !v.isNaN()).toList();
        assertThat(temperatures).isSorted().allMatch(v -> v == Math.rint(v) && v >= 1 && v <= scrapes.get());
        assertThat(temperatures.stream().distinct().count()).isGreaterThanOrEqualTo(2);
        Map<String, Double> last = result.intervals().getLast().gauges();
        assertThat(last.get("svc.up")).isEqualTo(1.0);
        assertThat(last.get("svc.temperature")).isGreaterThanOrEqualTo(5);
        // +10 per scrape, and scrapes end at least 50 ms apart: a rate above 0 and at most 200/s.
        assertThat(last.get("svc.requests")).isPositive().isLessThanOrEqualTo(200);
        assertThat(last.get("svc.absent")).isNaN();
        assertThat(monitor.lastError()).hasValue("no sample of not_there in the scrape");
        assertThat(authorization.get()).isEqualTo("Bearer s3cret");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("perfkit-monitor-svc"));
    }

    @Test
    void shouldGoDownAndLetRunGoOnWhenTargetAnswersStatus500() throws Exception {
        URI uri = serve(exchange -> respond(exchange, 500, "oops"));
        String target = uri.toString();

        PrometheusMonitor monitor = runAgainstFailingTarget(URI.create(target + "?token=secret-token"),
                PrometheusMonitor.DEFAULT_TIMEOUT);

        // the query (often a token) is left out of the message
        assertThat(monitor.lastError()).hasValue("scrape of " + uri + " answered HTTP status 500");
    }

    @Test
    void shouldGoDownAndLetRunGoOnWhenTargetAnswersGarbage() throws Exception {
        URI uri = serve(exchange -> respond(exchange, 200, "<html><body>Login</body></html>"));

        PrometheusMonitor monitor = runAgainstFailingTarget(uri, PrometheusMonitor.DEFAULT_TIMEOUT);

        assertThat(monitor.lastError()).hasValue("scrape of " + uri + " is not in the Prometheus text format: "
                + "line 1: expected a metric name at column 1, found \"<html><body>Login</b\"");
    }

    @Test
    void shouldGoDownAndLetRunGoOnWhenTargetNeverAnswers() throws Exception {
        URI uri = serve(exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "late 1\n");
        });

        PrometheusMonitor monitor = runAgainstFailingTarget(uri, Duration.ofMillis(200));

        assertThat(monitor.lastError()).hasValue("scrape of " + uri + " got no answer within 200ms");
    }

    @Test
    void shouldComeBackUpWithValuesWhenTargetRecoversFromAFailure() throws Exception {
        CountDownLatch downSeen = new CountDownLatch(1);
        CountDownLatch thirdRequest = new CountDownLatch(1);
        URI uri = serve(exchange -> {
            int n = requests.get();
            if (n == 1) {
                respond(exchange, 503, "starting");
                return;
            }
            if (n == 2) { // the first scrape has been stored; hold this one until the test saw the monitor down
                await(downSeen);
            }
            if (n == 3) {
                thirdRequest.countDown();
            }
            respond(exchange, 200, "process_cpu_usage 0.75\n");
        });
        PrometheusMonitor monitor = PrometheusMonitor.custom(uri).addSeries("cpu", "process_cpu_usage").build();
        try {
            monitor.start(Duration.ofMillis(10));
            await(secondRequest);
            double upWhileFailing = monitor.gauges().get("sut.up").getAsDouble();
            double cpuWhileFailing = monitor.gauges().get("sut.cpu").getAsDouble();
            downSeen.countDown();
            await(thirdRequest);

            assertThat(upWhileFailing).isZero();
            assertThat(cpuWhileFailing).isNaN();
            assertThat(monitor.gauges().get("sut.up").getAsDouble()).isEqualTo(1.0);
            assertThat(monitor.gauges().get("sut.cpu").getAsDouble()).isEqualTo(0.75);
            assertThat(monitor.lastError()).hasValue("scrape of " + uri + " answered HTTP status 503");
        } finally {
            monitor.close();
        }
    }

    @Test
    void shouldRejectBadSettingsWhenMonitorIsBuilt() {
        URI uri = URI.create("http://127.0.0.1:9/metrics");
        PrometheusMonitor.Builder builder = PrometheusMonitor.custom(uri).addSeries("cpu", "process_cpu_usage");

        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMonitor.custom(URI.create("ftp://h/x")))
                .withMessage("prometheusMonitor: uri must be an absolute http or https URI with a host, was ftp://h/x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusMonitor.custom(URI.create("http://admin:hunter2@127.0.0.1:9/metrics")))
                .withMessage("prometheusMonitor: uri must not hold credentials (they would not be sent), was "
                        + "http://127.0.0.1:9/metrics with user info; use header(\"Authorization\", ...)");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.addSeries("cpu", "other"))
                .withMessage("prometheusMonitor/series[cpu]: alias must be unique and not \"up\", was \"cpu\"");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.addRate("up", "x_total"))
                .withMessage("prometheusMonitor/series[up]: alias must be unique and not \"up\", was \"up\"");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.addSeries("heap", "jvm-memory"))
                .withMessage("prometheusMonitor/series[heap]: metric must be a Prometheus metric name "
                        + "([a-zA-Z_:][a-zA-Z0-9_:]*), was \"jvm-memory\"");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.addSeries("heap", "m", Map.of("a-rea", "heap")))
                .withMessage("prometheusMonitor/series[heap]: label names must match [a-zA-Z_][a-zA-Z0-9_]*, was \"a-rea\"");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.timeout(Duration.ZERO))
                .withMessage("prometheusMonitor: timeout must be > 0, was 0s");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.header("Host", "evil"))
                .withMessage("prometheusMonitor: header Host cannot be set: the name is restricted or the value holds "
                        + "characters not allowed in a header");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.label(""))
                .withMessage("prometheusMonitor: label must not be blank, was \"\"");
        PrometheusMonitor monitor = builder.build();
        assertThat(monitor.gauges()).containsOnlyKeys("sut.up", "sut.cpu");
        assertThat(monitor.uri()).isEqualTo(uri);
        assertThat(monitor.timeout()).isEqualTo(PrometheusMonitor.DEFAULT_TIMEOUT);
        assertThat(monitor.gauges().get("sut.up").getAsDouble()).as("down before its first scrape").isZero();
    }

    /**
     * Runs one iteration that lasts until the target got its second request: scrapes run one after
     * the other, so by then the first one has failed. Checks that the run went on with the monitor down.
     */
    private PrometheusMonitor runAgainstFailingTarget(URI uri, Duration timeout) throws InterruptedException {
        PrometheusMonitor monitor = PrometheusMonitor.custom(uri).timeout(timeout)
                .addSeries("cpu", "process_cpu_usage").build();
        Scenario scenario = Scenario.named("failing-target").users(1).iterations(1).task(1, "wait", session -> {
            if (!secondRequest.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the target was not scraped twice in 10 s");
            }
        });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(50))
                .addMonitor(monitor).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.total().failures()).isZero();
        assertThat(result.intervals()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.gauges().get("sut.up")).isZero();
            assertThat(i.gauges().get("sut.cpu")).isNaN();
        });
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("perfkit-monitor-sut"));
        return monitor;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not reached in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            if (requests.incrementAndGet() == 2) {
                secondRequest.countDown();
            }
            handler.handle(exchange);
        });
        server.setExecutor(handlers);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
