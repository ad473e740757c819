package dev.perfkit.core;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The state of one virtual user: who it is, its variables, its random source, and the recorder
 * through which adapters report named samples.
 *
 * <p>A session belongs to exactly one virtual user and is only ever used by the thread running
 * that user, so it is not thread-safe and needs no synchronisation. In the closed model a session
 * lives as long as its user; in the open model a session belongs to a pooled virtual user and is
 * reused by the iterations that user runs.
 *
 * <h2>Recording samples from adapters</h2>
 * The engine times every {@link Task} on its own. An adapter that performs several requests inside
 * one task records each of them by name:
 * <pre>{@code
 * long start = session.nanoTime();
 * int status = http.get("/users/" + id);
 * long end = session.nanoTime();
 * if (status < 400) session.recordSuccess("GET /users/{id}", start, end);
 * else session.recordFailure("GET /users/{id}", start, end, "http_" + status, "status " + status);
 * }</pre>
 * Recording a success allocates nothing and takes no lock. Sample names should be templates
 * ({@code /users/{id}}), never expanded values, so that statistics stay bounded.
 */
public interface Session {

    /** Returns this user's number, unique within the run, starting at 1. */
    long userId();

    /** Returns the name of this user's {@link UserType}. */
    String userType();

    /** Returns the number of iterations this user has started, counting the current one. */
    long iteration();

    /** Returns the name of the scenario being run. */
    String scenario();

    /**
     * Returns this user's random source. It is seeded from the run's seed and the user's number,
     * so a run with the same seed makes the same choices per user.
     */
    RandomGenerator random();

    /**
     * Stores a variable.
     *
     * @param key   the variable's key
     * @param value its value; null removes the variable
     * @param <T>   the variable's type
     * @return this session
     * @throws ClassCastException if {@code value} is not of the key's type
     */
    <T> Session set(SessionKey<T> key, T value);

    /**
     * Returns a variable's value.
     *
     * @param key the variable's key
     * @param <T> the variable's type
     * @return the value
     * @throws java.util.NoSuchElementException if the variable is not set, naming it
     */
    <T> T get(SessionKey<T> key);

    /**
     * Returns a variable's value if it is set.
     *
     * @param key the variable's key
     * @param <T> the variable's type
     * @return the value, or empty
     */
    <T> Optional<T> find(SessionKey<T> key);

    /**
     * Takes the next record from a feeder for this user. Call it in {@link UserType#onStart} for a
     * record per user, or inside a task for a record per iteration.
     *
     * @param feeder the feeder
     * @param <T>    the record type
     * @return the next record
     * @throws FeederExhaustedException when a once-only feeder is empty; the engine then ends the run
     */
    default <T> T feed(Feeder<T> feeder) {
        return feeder.next();
    }

    /** Returns the engine's monotonic clock in nanoseconds; use it to time adapter samples. */
    long nanoTime();

    /**
     * Records a successful sample timed by the caller. Allocates nothing.
     *
     * @param name      the sample name, a template such as {@code "GET /users/{id}"}
     * @param startNanos the start, from {@link #nanoTime()}
     * @param endNanos   the end, from {@link #nanoTime()}
     */
    void recordSuccess(String name, long startNanos, long endNanos);

    /**
     * Records a part of a request's time as its own statistic, such as an HTTP request's connect,
     * TLS handshake or time to first byte. Timings are kept per name like samples but never count
     * in the run's totals, so a request timed in four phases is still one request. Allocates nothing.
     *
     * @param name          the timing's name, such as {@code "GET /users/{id} connect"}
     * @param durationNanos the time in nanoseconds, {@code >= 0}
     */
    void recordTiming(String name, long durationNanos);

    /**
     * Records a failed sample timed by the caller.
     *
     * @param name       the sample name
     * @param startNanos the start, from {@link #nanoTime()}
     * @param endNanos   the end, from {@link #nanoTime()}
     * @param category   short failure category, such as {@code "timeout"}
     * @param message    detail; only a bounded number of distinct messages is kept per category
     */
    void recordFailure(String name, long startNanos, long endNanos, String category, String message);
}
