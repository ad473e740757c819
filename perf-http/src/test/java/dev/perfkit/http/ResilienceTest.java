package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Task;
import dev.perfkit.core.TaskFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resilience4j decorators on requests and tasks: every attempt recorded, retries counted, rejections not sent. */
class ResilienceTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = Http.create(HttpConfig.of(server.url()));
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static Retry retry(int attempts) {
        return Retry.of("flaky", RetryConfig.custom().maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(1), 2)).build());
    }

    private static HttpRequest flaky(int failures) {
        return HttpRequest.get("/flaky").queryParam("key", UUID.randomUUID().toString()).queryParam("fail", String.valueOf(failures));
    }

    @Test
    void shouldRecordEveryAttemptAndCountRetriesWhenRetrySucceeds() {
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, flaky(2).retry(retry(3)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(session.requests()).extracting(RecordingSession.Event::category).containsExactly("http_5xx", "http_5xx", null);
        assertThat(session.timings()).filteredOn(e -> e.name().equals("GET /flaky retry")).hasSize(2);
    }

    @Test
    void shouldThrowLastFailureWhenAttemptsAreExhausted() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, flaky(5).retry(retry(3))))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.HTTP_5XX);
                    assertThat(f.response().orElseThrow().body()).isEqualTo("attempt 3 fails");
                });
        assertThat(session.requests()).hasSize(3);
        assertThat(session.timings()).filteredOn(e -> e.name().equals("GET /flaky retry")).hasSize(2);
    }

    @Test
    void shouldNotRetryWhenPredicateRejectsCategory() {
        Retry only5xx = Retry.of("5xx", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(1))
                .retryOnException(e -> e instanceof HttpFailure f && f.httpCategory() == HttpFailureCategory.HTTP_5XX).build());
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/status/404").retry(only5xx))).isInstanceOf(HttpFailure.class);

        assertThat(session.requests()).hasSize(1);
    }

    @Test
    void shouldRetryOnResultWhenResultPredicateAsks() {
        Retry onNoContent = Retry.of("204", RetryConfig.<HttpResponse>custom().maxAttempts(3).waitDuration(Duration.ofMillis(1))
                .retryOnResult(r -> r.status() == 204).build());
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, HttpRequest.get("/status/204").retry(onNoContent));

        assertThat(r.status()).isEqualTo(204);
        assertThat(session.requests()).hasSize(3);
        assertThat(session.timings()).filteredOn(e -> e.name().equals("GET /status/204 retry")).hasSize(2);
    }

    @Test
    void shouldRejectWithoutSendingWhenCircuitIsOpen() {
        CircuitBreaker breaker = CircuitBreaker.of("shop", CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(5)).build());
        HttpRequest failing = HttpRequest.get("/status/500").circuitBreaker(breaker);
        RecordingSession session = new RecordingSession();

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> http.execute(session, failing)).isInstanceOf(HttpFailure.class);
        }
        long before = server.requests.get();
        assertThatThrownBy(() -> http.execute(session, failing))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.CIRCUIT_OPEN);
                    assertThat(f.getMessage()).isEqualTo("GET /status/500: circuit breaker 'shop' is OPEN, not sent");
                });

        assertThat(server.requests.get()).isEqualTo(before);
        assertThat(session.requests()).hasSize(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void shouldRejectWhenRateLimiterHasNoPermission() {
        RateLimiter limiter = RateLimiter.of("one-per-hour", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        HttpRequest limited = HttpRequest.get("/hello").rateLimiter(limiter);
        RecordingSession session = new RecordingSession();

        http.execute(session, limited);
        assertThatThrownBy(() -> http.execute(session, limited))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.RATE_LIMITED));

        assertThat(session.requests()).hasSize(1);
    }

    @Test
    void shouldRejectWhenBulkheadIsFull() {
        Bulkhead bulkhead = Bulkhead.of("one", BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
        HttpRequest guarded = HttpRequest.get("/hello").bulkhead(bulkhead);
        RecordingSession session = new RecordingSession();

        assertThat(bulkhead.tryAcquirePermission()).isTrue();   // someone else holds the only slot
        assertThatThrownBy(() -> http.execute(session, guarded))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.BULKHEAD_FULL));
        bulkhead.onComplete();
        http.execute(session, guarded);

        assertThat(session.requests()).hasSize(1);
        assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
    }

    @Test
    void shouldRetryWholeTaskAndCountRetriesWhenTaskIsDecorated() throws Exception {
        RecordingSession session = new RecordingSession();
        AtomicInteger runs = new AtomicInteger();
        Task checkout = Resilience.retry(retry(4), s -> {
            http.execute(s, HttpRequest.get("/hello"));
            if (runs.incrementAndGet() < 3) {
                http.execute(s, HttpRequest.get("/status/503"));
            }
        });

        checkout.run(session);

        assertThat(runs.get()).isEqualTo(3);
        assertThat(session.requests()).extracting(RecordingSession.Event::name)
                .containsExactly("GET /hello", "GET /status/503", "GET /hello", "GET /status/503", "GET /hello");
        assertThat(session.timings()).filteredOn(e -> e.name().equals("flaky retry")).hasSize(2);
    }

    @Test
    void shouldRejectTasksWhenDecoratorsSayNo() throws Exception {
        CircuitBreaker open = CircuitBreaker.ofDefaults("open");
        open.transitionToOpenState();
        RateLimiter none = RateLimiter.of("none", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        none.acquirePermission();
        Bulkhead full = Bulkhead.of("full", BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
        full.tryAcquirePermission();
        AtomicInteger ran = new AtomicInteger();
        Task task = s -> ran.incrementAndGet();
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> Resilience.circuitBreaker(open, task).run(session))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.category()).isEqualTo("circuit_open"));
        assertThatThrownBy(() -> Resilience.rateLimiter(none, task).run(session))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.category()).isEqualTo("rate_limited"));
        assertThatThrownBy(() -> Resilience.bulkhead(full, task).run(session))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.category()).isEqualTo("bulkhead_full"));
        assertThat(ran.get()).isZero();

        CircuitBreaker closed = CircuitBreaker.ofDefaults("closed");
        Resilience.circuitBreaker(closed, task).run(session);
        assertThatThrownBy(() -> Resilience.circuitBreaker(closed, s -> http.execute(s, HttpRequest.get("/status/500"))).run(session))
                .isInstanceOf(HttpFailure.class);
        assertThat(closed.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(closed.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void shouldCountEveryAttemptInTotalsWhenRunByEngine() throws Exception {
        Retry retry = Retry.of("run", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(1)).build());
        Scenario scenario = Scenario.named("retries").users(2).iterationsPerUser(5)
                .task(1, "flaky", s -> http.execute(s, flaky(1).name("GET /flaky").retry(retry)));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.total().count()).isEqualTo(20);
        assertThat(result.total().failures()).isEqualTo(10);
        assertThat(result.sample("GET /flaky retry").orElseThrow().count()).isEqualTo(10);
        assertThat(result.sample("flaky").orElseThrow().failures()).isZero();
    }
}
