package dev.perfkit.jdbc.internal;

import dev.perfkit.jdbc.DeadlockRetry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The Resilience4j {@link Retry} of each {@link DeadlockRetry} policy, built once and shared: a
 * {@code Retry} is thread-safe, so every virtual user of a statement goes through the same one.
 */
final class Retrier {

    /** One attempt of a statement call. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt) throws SQLException;
    }

    private final ConcurrentHashMap<DeadlockRetry, Retry> retries = new ConcurrentHashMap<>();
    private final Predicate<Throwable> retryable;

    Retrier(Predicate<Throwable> retryable) {
        this.retryable = retryable;
    }

    /**
     * Runs attempts until one succeeds, a failure is not retryable, or the policy's attempts are
     * used up; then returns the result or throws the last failure.
     */
    <T> T call(String name, DeadlockRetry policy, Attempt<T> attempt) throws SQLException {
        Retry retry = retries.computeIfAbsent(policy, p -> Retry.of(name, RetryConfig.custom()
                .maxAttempts(p.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        p.initialWait().toMillis(), p.multiplier(), DeadlockRetry.JITTER))
                .retryOnException(retryable)
                .build()));
        int[] count = {0};
        try {
            return retry.executeCheckedSupplier(() -> attempt.run(++count[0]));
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("unexpected checked failure of a statement attempt", t);
        }
    }
}
