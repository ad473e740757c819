package dev.perfkit.http;

import dev.perfkit.core.Task;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;

/**
 * Resilience4j decorators for whole tasks, the way Resilience4j decorates suppliers: each takes a
 * {@link Task} and returns a task that behaves like it, guarded.
 *
 * <pre>{@code
 * Retry retry = Retry.of("checkout", RetryConfig.custom().maxAttempts(3)
 *     .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2)).build());
 * CircuitBreaker breaker = CircuitBreaker.ofDefaults("shop");
 *
 * Task checkout = Resilience.retry(retry, Resilience.circuitBreaker(breaker, session -> {
 *     http.execute(session, addToCart);
 *     http.execute(session, pay);
 * }));
 * }</pre>
 *
 * <p>To guard a single request, use the same decorators on the request instead
 * ({@link HttpRequest#retry(Retry)} and its siblings): they also keep a rejected request from being
 * sent and recorded. Resilience4j's instances are shared by all virtual users; their waits park
 * only the waiting virtual user.
 *
 * <h2>What is recorded</h2>
 * The engine records the task as one sample, from its (first) start to the end of its last
 * attempt, backoff included. The requests inside record themselves on every attempt. Each retry of
 * the task is counted as a timing statistic {@code "<retry name> retry"} holding the wait before
 * it, so its count is the number of retries. A rejection fails the task with
 * {@link HttpFailureCategory#CIRCUIT_OPEN}, {@link HttpFailureCategory#RATE_LIMITED} or
 * {@link HttpFailureCategory#BULKHEAD_FULL} without running it.
 */
public final class Resilience {

    private Resilience() {
    }

    /**
     * Retries a failing task per the retry's configuration: its attempts, its waits, and its
     * exception predicate, which sees what the task threw (an {@link HttpFailure} for a failed
     * request).
     *
     * @param retry the retry
     * @param task  the task
     * @return the decorated task
     */
    public static Task retry(Retry retry, Task task) {
        Require.notNull("resilience", "retry", retry);
        Require.notNull("resilience", "task", task);
        String counter = retry.getName() + " retry";
        return session -> {
            Retry.Context<Object> context = retry.context();
            while (true) {
                try {
                    task.run(session);
                } catch (Exception e) {
                    long waitStart = System.nanoTime();
                    context.onError(e);   // throws e when no attempt is left or it is not retried
                    session.recordTiming(counter, System.nanoTime() - waitStart);
                    continue;
                }
                context.onComplete();
                return;
            }
        };
    }

    /**
     * Runs the task only while the breaker lets calls through; a thrown exception counts as the
     * breaker's error (subject to its predicates), a normal return as its success.
     *
     * @param breaker the circuit breaker
     * @param task    the task
     * @return the decorated task
     */
    public static Task circuitBreaker(CircuitBreaker breaker, Task task) {
        Require.notNull("resilience", "circuitBreaker", breaker);
        Require.notNull("resilience", "task", task);
        return session -> {
            if (!breaker.tryAcquirePermission()) {
                throw new HttpFailure(HttpFailureCategory.CIRCUIT_OPEN,
                        "circuit breaker '" + breaker.getName() + "' is " + breaker.getState() + ", task not run", null);
            }
            long start = System.nanoTime();
            try {
                task.run(session);
            } catch (Exception | Error e) {
                breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                throw e;
            }
            breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        };
    }

    /**
     * Runs the task once the limiter gives a permission, waiting up to its timeout.
     *
     * @param limiter the rate limiter
     * @param task    the task
     * @return the decorated task
     */
    public static Task rateLimiter(RateLimiter limiter, Task task) {
        Require.notNull("resilience", "rateLimiter", limiter);
        Require.notNull("resilience", "task", task);
        return session -> {
            if (!limiter.acquirePermission()) {
                throw new HttpFailure(HttpFailureCategory.RATE_LIMITED,
                        "rate limiter '" + limiter.getName() + "' gave no permission in time, task not run", null);
            }
            task.run(session);
        };
    }

    /**
     * Runs the task only if the bulkhead has room, waiting up to its maximum wait.
     *
     * @param bulkhead the bulkhead
     * @param task     the task
     * @return the decorated task
     */
    public static Task bulkhead(Bulkhead bulkhead, Task task) {
        Require.notNull("resilience", "bulkhead", bulkhead);
        Require.notNull("resilience", "task", task);
        return session -> {
            if (!bulkhead.tryAcquirePermission()) {
                throw new HttpFailure(HttpFailureCategory.BULKHEAD_FULL, "bulkhead '" + bulkhead.getName() + "' is full, task not run", null);
            }
            try {
                task.run(session);
            } finally {
                bulkhead.onComplete();
            }
        };
    }
}
