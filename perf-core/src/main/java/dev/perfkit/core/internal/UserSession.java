package dev.perfkit.core.internal;

import dev.perfkit.core.SampleKind;
import dev.perfkit.core.Session;
import dev.perfkit.core.SessionKey;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/** The session of one virtual user. Used only by the thread running that user. */
final class UserSession implements Session {

    private final long userId;
    private final String userType;
    private final String scenario;
    private final SplittableRandom random;
    private final Metrics metrics;
    private final LongSupplier clock;
    private final Map<String, Object> variables = new HashMap<>();
    long iteration;

    UserSession(long userId, String userType, String scenario, long runSeed, Metrics metrics, LongSupplier clock) {
        this.userId = userId;
        this.userType = userType;
        this.scenario = scenario;
        this.random = new SplittableRandom(mix(runSeed, userId));
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Derives a user's seed from the run's seed and the user's number (SplitMix64 finaliser). */
    static long mix(long seed, long id) {
        long z = seed + id * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String userType() {
        return userType;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public String scenario() {
        return scenario;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public <T> Session set(SessionKey<T> key, T value) {
        if (value == null) {
            variables.remove(key.name());
        } else {
            variables.put(key.name(), key.type().cast(value));
        }
        return this;
    }

    @Override
    public <T> T get(SessionKey<T> key) {
        Object value = variables.get(key.name());
        if (value == null) {
            throw new NoSuchElementException("session of user " + userId + ": variable '" + key.name() + "' is not set");
        }
        return key.type().cast(value);
    }

    @Override
    public <T> Optional<T> find(SessionKey<T> key) {
        return Optional.ofNullable(key.type().cast(variables.get(key.name())));
    }

    @Override
    public long nanoTime() {
        return clock.getAsLong();
    }

    @Override
    public void recordSuccess(String name, long startNanos, long endNanos) {
        metrics.metric(name, SampleKind.REQUEST).recordSuccess(startNanos, startNanos, endNanos);
    }

    @Override
    public void recordTiming(String name, long durationNanos) {
        metrics.metric(name, SampleKind.TIMING).recordSuccess(0, 0, durationNanos);
    }

    @Override
    public void recordFailure(String name, long startNanos, long endNanos, String category, String message) {
        metrics.metric(name, SampleKind.REQUEST).recordFailure(category, message);
    }
}
