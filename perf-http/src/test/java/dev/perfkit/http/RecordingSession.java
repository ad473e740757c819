package dev.perfkit.http;

import dev.perfkit.core.Session;
import dev.perfkit.core.SessionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A session that keeps everything an adapter records, for assertions on single requests. The
 * engine's own session is used by the scenario tests; this one shows each record in order.
 */
final class RecordingSession implements Session {

    /** One record: a success, a failure or a timing. */
    record Event(String kind, String name, long nanos, String category, String message) {
    }

    private final long userId;
    private final Map<String, Object> variables = new HashMap<>();
    final List<Event> events = new ArrayList<>();

    RecordingSession() {
        this(1);
    }

    RecordingSession(long userId) {
        this.userId = userId;
    }

    List<Event> requests() {
        return events.stream().filter(e -> !e.kind.equals("timing")).toList();
    }

    List<Event> timings() {
        return events.stream().filter(e -> e.kind.equals("timing")).toList();
    }

    Optional<Event> timing(String name) {
        return timings().stream().filter(e -> e.name.equals(name)).findFirst();
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String userType() {
        return "test";
    }

    @Override
    public long iteration() {
        return 1;
    }

    @Override
    public String scenario() {
        return "test";
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom(userId);
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
        Object v = variables.get(key.name());
        if (v == null) {
            throw new NoSuchElementException("variable '" + key.name() + "' is not set");
        }
        return key.type().cast(v);
    }

    @Override
    public <T> Optional<T> find(SessionKey<T> key) {
        return Optional.ofNullable(key.type().cast(variables.get(key.name())));
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void recordSuccess(String name, long startNanos, long endNanos) {
        events.add(new Event("success", name, endNanos - startNanos, null, null));
    }

    @Override
    public void recordTiming(String name, long durationNanos) {
        events.add(new Event("timing", name, durationNanos, null, null));
    }

    @Override
    public void recordFailure(String name, long startNanos, long endNanos, String category, String message) {
        events.add(new Event("failure", name, endNanos - startNanos, category, message));
    }
}
