package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.Task;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calls every method of the API once, so that a change to a signature breaks this file first
 * (as Gatling's {@code CoreJavaCompileTest}). What the calls do is tested elsewhere.
 */
class ApiCompileTest {

    private static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);

    @Test
    void shouldCompileEveryDslCallWhenWrittenOnce() {
        HttpConfig config = HttpConfig.custom()
                .name("api")
                .baseUrl("http://127.0.0.1:1/base")
                .addHeader("Accept", "application/json")
                .userAgent("perfkit-test")
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(4))
                .maxConnections(5)
                .keepAlive(Duration.ofSeconds(6))
                .protocol(HttpProtocol.HTTP_1_1)
                .insecure(false)
                .followRedirects(true)
                .cookies(true)
                .timings(true)
                .recordRequests(true)
                .retryOnConnectionFailure(false)
                .maxBodyBytes(100)
                .objectMapper(new ObjectMapper())
                .addRedactedHeader("X-Secret")
                .addRedactedParameter("sig")
                .build();
        HttpConfig copy = config.toBuilder().build();
        HttpConfig shortest = HttpConfig.of("http://127.0.0.1:1");

        String name = config.name();
        Optional<String> base = config.baseUrl();
        Map<String, String> headers = config.headers();
        String agent = config.userAgent();
        Duration timeouts = config.connectTimeout().plus(config.readTimeout()).plus(config.writeTimeout()).plus(config.callTimeout())
                .plus(config.keepAlive());
        int limits = config.maxConnections() + config.maxBodyBytes();
        HttpProtocol protocol = config.protocol();
        boolean flags = config.insecure() || config.followRedirects() || config.cookies() || config.timings()
                || config.recordRequests() || config.retryOnConnectionFailure() || config.trustStore().isPresent();
        ObjectMapper mapper = config.objectMapper();
        Set<String> redacted = config.redactedHeaders();
        Set<String> redactedParameters = config.redactedParameters();

        HttpRequest request = HttpRequest.get("/users/{id}")
                .name("user")
                .pathParam("id", s -> s.userId())
                .queryParam("a", "1")
                .queryParam("b", s -> s.iteration())
                .header("X-A", "1")
                .header("X-B", s -> s.get(TOKEN))
                .check(Check.status(200), Check.statusIn(200, 204), Check.statusBetween(200, 299), Check.header("A"),
                        Check.header("A", "b"), Check.headerMatches("A", "b"), Check.bodyContains("x"), Check.bodyMatches("x"),
                        Check.json("/a"), Check.json("/a", 1), Check.responseTimeBelow(Duration.ofSeconds(1)),
                        Check.that("custom", r -> r.status() < 500).soft())
                .extract(Extract.json("/t").into(TOKEN), Extract.header("A").regex("(.*)").into(TOKEN).optional(),
                        Extract.regex("x").into(TOKEN), Extract.cookie("c").into(TOKEN))
                .retry(Retry.ofDefaults("r"))
                .circuitBreaker(CircuitBreaker.ofDefaults("cb"))
                .rateLimiter(RateLimiter.ofDefaults("rl"))
                .bulkhead(Bulkhead.ofDefaults("bh"))
                .callTimeout(Duration.ofSeconds(1));
        List<HttpRequest> all = List.of(HttpRequest.post("/p").body("t"), HttpRequest.put("/p").body("t", "text/csv"),
                HttpRequest.patch("/p").body(new byte[1], "application/octet-stream"),
                HttpRequest.post("/p").body(s -> "t", "text/plain"), HttpRequest.post("/p").formParam("a", "b").formParam("c", s -> 1),
                HttpRequest.post("/p").jsonBody(Map.of()), HttpRequest.post("/p").jsonBody(s -> List.of()),
                HttpRequest.delete("/d"), HttpRequest.head("/h"), HttpRequest.options("/o"), HttpRequest.method("PROPFIND", "/x"));
        String described = request.method() + request.path() + request.name() + request.checks() + request.extracts()
                + request.callTimeout() + request.isDynamic();

        try (Http http = Http.create(config); Http other = Http.create("http://127.0.0.1:1")) {
            Task task = http.task(request);
            RunOptions.Builder options = http.addGauges(RunOptions.custom());
            int pool = http.connectionCount() + http.idleConnectionCount();
            HttpConfig same = http.config();
            Task decorated = Resilience.retry(Retry.ofDefaults("t"), Resilience.circuitBreaker(CircuitBreaker.ofDefaults("t"),
                    Resilience.rateLimiter(RateLimiter.ofDefaults("t"), Resilience.bulkhead(Bulkhead.ofDefaults("t"), task))));
            assertThat(List.of(task, decorated, options, same, other)).doesNotContainNull();
            assertThat(pool).isZero();
        }

        HttpFailureCategory category = HttpFailureCategory.of("read_timeout");
        String id = category.id();
        HttpTimings timings = new HttpTimings(0, 0, 0, 0, 0, 0, 0, 0, false);
        long phases = timings.phasesNanos();
        String timing = HttpTimings.statisticName("GET /", HttpTimings.WAITING);
        int usage = HttpLoadCommand.USAGE + HttpLoadCommand.OK + HttpLoadCommand.ALL_FAILED;
        java.util.function.Consumer<HttpResponse> readers = r -> {
            int status = r.status();
            String text = r.body() + r.protocol() + r.method() + r.url() + r.header("a") + r.headers("a") + r.headers();
            byte[] bytes = r.bodyBytes();
            long length = r.bodyLength() + (r.bodyTruncated() ? 1 : 0);
            JsonNode json = r.json();
            Duration time = r.responseTime();
            HttpTimings t = r.timings();
        };
        java.util.function.Consumer<HttpFailure> failures = f -> {
            HttpFailureCategory c = f.httpCategory();
            Optional<HttpResponse> r = f.response();
        };
        java.util.function.Function<String[], Integer> command = args -> HttpLoadCommand.run(args, (PrintStream) null, null);

        assertThat(List.of(copy, shortest, name, base, headers, agent, timeouts, limits, protocol, flags, mapper, redacted,
                redactedParameters, all, described, id, phases, timing, usage, readers, failures, command)).doesNotContainNull();
    }
}
