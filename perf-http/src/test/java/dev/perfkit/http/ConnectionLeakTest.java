package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.Task;
import dev.perfkit.core.UserType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The response body is closed on every path: 100,000 requests over every outcome (success,
 * HTTP error, failed check, failed extraction, truncated body, HEAD, redirect, a body sent) by 20
 * users through a pool capped at 10 connections. A leaked body keeps its connection out of the
 * pool, so the next request would open another: the run would end with more than 10 connections
 * opened, or some of them still busy. The server is Jetty, which keeps up with the load.
 */
class ConnectionLeakTest {

    private static final SessionKey<String> MISSING = SessionKey.of("missing", String.class);
    private static final long REQUESTS = 100_000;

    @Test
    void shouldReuseTenConnectionsWhen100000RequestsMeetEveryOutcome() throws Exception {
        try (JettyServer server = JettyServer.plain();
             Http http = Http.create(HttpConfig.custom().baseUrl(server.url()).maxConnections(10).maxBodyBytes(1000).build())) {
            Map<String, HttpRequest> requests = Map.of(
                    "ok", HttpRequest.get("/hello").check(Check.status(200)),
                    "404", HttpRequest.get("/status/404"),
                    "check", HttpRequest.get("/json").check(Check.json("/id", 99)),
                    "extract", HttpRequest.get("/json").extract(Extract.json("/missing").into(MISSING)),
                    "head", HttpRequest.head("/hello"),
                    "big", HttpRequest.get("/big").queryParam("bytes", "20000"),
                    "redirect", HttpRequest.get("/redirect"),
                    "post", HttpRequest.post("/echo").jsonBody(Map.of("a", 1)));
            UserType user = UserType.named("mixed");
            for (Map.Entry<String, HttpRequest> e : requests.entrySet()) {
                Task task = http.task(e.getValue());
                user = user.task(e.getKey().equals("ok") ? 5 : 1, e.getKey(), task);
            }
            Scenario scenario = Scenario.named("leak").users(20).iterations(REQUESTS).maxDuration(Duration.ofSeconds(90))
                    .userType(user).seed(42);

            RunResult result = LoadTest.run(scenario);

            assertThat(result.total().count()).isEqualTo(REQUESTS);
            assertThat(result.sample("404").orElseThrow().failures()).isEqualTo(result.sample("404").orElseThrow().count()).isPositive();
            assertThat(result.sample("check").orElseThrow().failures()).isPositive();
            assertThat(result.sample("extract").orElseThrow().failures()).isPositive();
            long opened = result.samples().stream()
                    .filter(s -> s.kind() == SampleKind.TIMING && s.name().endsWith(" connect"))
                    .mapToLong(SampleStats::count).sum();
            assertThat(opened).as("connections opened").isBetween(1L, 10L);
            assertThat(http.connectionCount()).isBetween(1, 10);
            assertThat(http.idleConnectionCount()).as("connections back in the pool").isEqualTo(http.connectionCount());
        }
    }
}
