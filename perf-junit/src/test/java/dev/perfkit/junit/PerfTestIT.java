package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.ReportFormat;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A load test as a user writes it (the example of docs/junit.md), run by Failsafe ({@code *IT})
 * in {@code integration-test}: 4 users for 1 s against a JDK HTTP server on 127.0.0.1, held to the
 * dev environment's defaults and a p95 level.
 *
 * <p>Run it: {@code ./mvnw -B verify -pl perf-junit -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PerfTestIT {

    private static HttpServer server;
    private static URI hello;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        hello = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @PerfTest(formats = {ReportFormat.HTML, ReportFormat.JSON, ReportFormat.JUNIT_XML})
    void helloStaysFastUnderFourUsers(PerfRun perf) throws Exception {
        Scenario scenario = Scenario.named("hello").users(4).hold(Duration.ofSeconds(1))
                .task(1, "GET /hello", session -> {
                    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(hello).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET /hello answered " + response.statusCode());
                    }
                });

        RunResult result = perf.run(scenario);
        Verdict verdict = perf.assertThresholds(result, Thresholds.forEnvironment("dev")
                .p95("GET /hello").below(Duration.ofMillis(500), Duration.ofSeconds(2))
                .errorRate().below(0.01));

        // reached only when the verdict is not critical; the reports are there either way
        assertThat(verdict.outcome()).isNotEqualTo(Outcome.CRITICAL);
        assertThat(perf.reportsDir().resolve("report.html")).isNotEmptyFile();
    }
}
