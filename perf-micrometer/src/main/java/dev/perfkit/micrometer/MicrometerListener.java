package dev.perfkit.micrometer;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.UserType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes a run's metrics to a Micrometer {@link MeterRegistry} while the run goes on, at the end
 * of every interval, so that any Micrometer backend (Prometheus, OTLP, Graphite, Datadog, ...)
 * can watch it live. Add it like any listener:
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * RunResult result = LoadTest.run(scenario, RunOptions.custom()
 *     .addListener(MicrometerListener.create(registry))
 *     .build());
 * }</pre>
 *
 * <h2>Meters</h2>
 * Names below use the default prefix {@value #DEFAULT_PREFIX}; every meter has the tag
 * {@code scenario}, plus the builder's common tags. Per sample name (and once for the total) the
 * tags {@code sample} (the name, or {@code total}) and {@code kind} ({@code total}, {@code task},
 * {@code hook}, or {@code adapter} for names an adapter recorded: requests and request phases,
 * which an interval does not tell apart):
 * <ul>
 *   <li>{@code perfkit.samples} counter, tag {@code outcome} = {@code success} or {@code failure}:
 *       samples that ended, incremented by each interval's counts;</li>
 *   <li>{@code perfkit.throughput} gauge: samples per second in the last interval;</li>
 *   <li>{@code perfkit.error.rate} gauge: the share of failed samples in the last interval, 0 to 1;</li>
 *   <li>{@code perfkit.response.time} gauge in seconds, tag {@code statistic} = {@code mean},
 *       {@code p50}, {@code p90}, {@code p95}, {@code p99} or {@code max}: the last interval's
 *       response times of successful samples; NaN when the name had no success in it.</li>
 * </ul>
 * Per run: {@code perfkit.users.active} and {@code perfkit.in.flight} gauges,
 * {@code perfkit.dropped} counter (open-model arrivals dropped at the concurrency cap),
 * {@code perfkit.run.active} gauge (1 while the run goes on, 0 after it), and
 * {@code perfkit.gauge} gauges with tag {@code gauge} for each {@code RunOptions} gauge (such as
 * {@code sut.cpu} or {@code pool.active}).
 *
 * <p>Percentiles are the interval's own, computed by perfkit from its HdrHistogram: the registry
 * never averages percentiles. Values hold until the next interval; after the run they keep the
 * last interval's values as long as the registry lives.
 *
 * <p><b>Cardinality</b>: about 12 series per sample name. Keep names templated
 * ({@code GET /users/{id}}, not one per id), as for any metrics backend.
 *
 * <p><b>Threads</b>: updates happen on the run's coordinator thread and take a few microseconds
 * per sample name; the registry may read the values from any thread (they are volatile). One
 * listener may serve consecutive runs, not concurrent ones. Do not give two listeners the same
 * registry and scenario name: Micrometer would keep the meters bound to the first listener's values.
 */
public final class MicrometerListener implements RunListener {

    /** The default prefix of the meter names. */
    public static final String DEFAULT_PREFIX = "perfkit";

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags commonTags;
    private final Map<Tags, RunMeters> runs = new HashMap<>();
    private final Set<String> taskNames = new HashSet<>();
    private final Set<String> hookNames = new HashSet<>();
    private RunMeters current;

    private MicrometerListener(Builder b) {
        this.registry = b.registry;
        this.prefix = b.prefix;
        this.commonTags = b.tags;
    }

    /**
     * Returns a listener with the default prefix and no common tags.
     *
     * @param registry the registry to publish to
     * @return the listener
     * @throws IllegalArgumentException if {@code registry} is null
     */
    public static MicrometerListener create(MeterRegistry registry) {
        return custom(registry).build();
    }

    /**
     * Returns a builder.
     *
     * @param registry the registry to publish to
     * @return the builder
     * @throws IllegalArgumentException if {@code registry} is null
     */
    public static Builder custom(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("micrometerListener: registry must not be null");
        }
        return new Builder(registry);
    }

    @Override
    public synchronized void onStart(Scenario scenario, long seed) {
        taskNames.clear();
        hookNames.clear();
        for (UserType type : scenario.userTypes()) {
            type.tasks().forEach(t -> taskNames.add(t.name()));
            hookNames.add(type.name() + ":onStart");
            hookNames.add(type.name() + ":onStop");
        }
        current = runs.computeIfAbsent(commonTags.and("scenario", scenario.name()),
                tags -> new RunMeters(registry, prefix, tags));
        current.start();
    }

    @Override
    public synchronized void onInterval(IntervalStats interval) {
        if (current != null) {
            current.update(interval, this::kind);
        }
    }

    @Override
    public synchronized void onEnd(RunResult result) {
        if (current != null) {
            current.end();
            current = null;
        }
    }

    private String kind(String name) {
        return taskNames.contains(name) ? "task" : hookNames.contains(name) ? "hook" : "adapter";
    }

    /** Builds a {@link MicrometerListener}. Not thread-safe. */
    public static final class Builder {
        private final MeterRegistry registry;
        private String prefix = DEFAULT_PREFIX;
        private Tags tags = Tags.empty();

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /**
         * Sets the prefix of every meter name.
         *
         * @param prefix letters, digits, dots and underscores, starting with a letter; default
         *               {@value #DEFAULT_PREFIX}
         * @return this builder
         * @throws IllegalArgumentException if the prefix is null or not of that form
         */
        public Builder prefix(String prefix) {
            if (prefix == null || !prefix.matches("[A-Za-z][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("micrometerListener: prefix must be letters, digits, dots and "
                        + "underscores starting with a letter, was " + (prefix == null ? "null" : "\"" + prefix + "\""));
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Adds a tag to every meter, such as {@code env=staging} or {@code run=<build id>}.
         *
         * @param key   the tag's key, non-blank, not one of {@code scenario}, {@code sample},
         *              {@code kind}, {@code outcome}, {@code statistic}, {@code gauge}
         * @param value the tag's value, non-null
         * @return this builder
         * @throws IllegalArgumentException if the key is blank or reserved, or the value null
         */
        public Builder tag(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("micrometerListener: tag key must not be blank, was "
                        + (key == null ? "null" : "\"" + key + "\""));
            }
            if (Set.of("scenario", "sample", "kind", "outcome", "statistic", "gauge").contains(key)) {
                throw new IllegalArgumentException("micrometerListener: tag key \"" + key + "\" is reserved for the listener's own tags");
            }
            Objects.requireNonNull(value, () -> "micrometerListener: tag[" + key + "] value must not be null");
            tags = tags.and(key, value);
            return this;
        }

        /** Returns the listener. */
        public MicrometerListener build() {
            return new MicrometerListener(this);
        }
    }
}
