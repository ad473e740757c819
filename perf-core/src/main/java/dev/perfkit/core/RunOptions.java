package dev.perfkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How a run is observed: the interval of its time series, its listeners, its gauges and resource
 * monitors. Separate from {@link Scenario}, which says what load to make.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.custom()
 *     .interval(Duration.ofSeconds(5))
 *     .addListener(ConsoleListener.create())
 *     .build();
 * }</pre>
 *
 * Immutable; {@link #toBuilder()} starts a modified copy.
 */
public final class RunOptions {

    /** The default interval of the time series: 1 second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** The shortest interval accepted: 10 ms. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    private static final RunOptions DEFAULTS = custom().build();

    private final Duration interval;
    private final List<RunListener> listeners;
    private final Map<String, DoubleSupplier> gauges;
    private final List<ResourceMonitor> monitors;
    private final Thresholds abortOn;
    private final Instant startAt;

    /**
     * The gauge that a run with {@link Builder#startAt(Instant)} reports in every interval: how
     * late it started, in seconds after the planned instant ({@code >= 0}; 0 if on time).
     */
    public static final String START_LAG_GAUGE = "perfkit.start.lag.seconds";

    private RunOptions(Builder b) {
        this.startAt = b.startAt;
        this.interval = b.interval;
        this.listeners = List.copyOf(b.listeners);
        this.gauges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.gauges));
        this.monitors = List.copyOf(b.monitors);
        this.abortOn = b.abortOn;
    }

    /** Returns the defaults: 1 s intervals, no listener, no gauge, no monitor. */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this instance. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.interval = interval;
        b.listeners.addAll(listeners);
        b.gauges.putAll(gauges);
        b.monitors.addAll(monitors);
        b.abortOn = abortOn;
        b.startAt = startAt;
        return b;
    }

    /** Returns the interval of the time series. */
    public Duration interval() {
        return interval;
    }

    /** Returns the listeners, in the order they are called. */
    public List<RunListener> listeners() {
        return listeners;
    }

    /** Returns the gauges by name, in the order they were added, including those of the monitors. */
    public Map<String, DoubleSupplier> gauges() {
        return gauges;
    }

    /** Returns the resource monitors, in the order they were added. */
    public List<ResourceMonitor> monitors() {
        return monitors;
    }

    /** Returns the thresholds whose abort rules can stop the run, if set by {@link Builder#abortOn}. */
    public Optional<Thresholds> abortOn() {
        return Optional.ofNullable(abortOn);
    }

    /** Returns the planned start of the run, if set by {@link Builder#startAt(Instant)}. */
    public Optional<Instant> startAt() {
        return Optional.ofNullable(startAt);
    }

    /** Builds {@link RunOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration interval = DEFAULT_INTERVAL;
        private final List<RunListener> listeners = new ArrayList<>();
        private final Map<String, DoubleSupplier> gauges = new LinkedHashMap<>();
        private final List<ResourceMonitor> monitors = new ArrayList<>();
        private Thresholds abortOn;
        private Instant startAt;

        private Builder() {
        }

        /**
         * Sets the interval of the time series and of {@link RunListener#onInterval} calls.
         *
         * @param interval at least {@link #MIN_INTERVAL}; default {@link #DEFAULT_INTERVAL}
         * @return this builder
         */
        public Builder interval(Duration interval) {
            Checks.positive("runOptions", "interval", interval);
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("runOptions: interval must be >= 10ms, was " + Checks.format(interval));
            }
            this.interval = interval;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addListener(RunListener listener) {
            listeners.add(Checks.notNull("runOptions", "listener", listener));
            return this;
        }

        /**
         * Adds a gauge: a value sampled at the end of every interval into
         * {@link IntervalStats#gauges()}, such as a connection pool's active connections or the
         * target's memory. The supplier is called on the run's coordinator thread: it must be
         * fast and must not block (a monitor that scrapes over the network should scrape on its
         * own thread and return its latest value). A supplier that throws is logged and its
         * value recorded as {@code NaN} for that interval.
         *
         * @param name  the gauge's name, non-blank, unique
         * @param value the supplier of the current value
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder addGauge(String name, DoubleSupplier value) {
            Checks.name("runOptions", "gauge name", name);
            Checks.notNull("runOptions", "gauge[" + name + "]", value);
            if (gauges.containsKey(name)) {
                throw new IllegalArgumentException("runOptions: gauge names must be unique, was \"" + name + "\" twice");
            }
            gauges.put(name, value);
            return this;
        }

        /**
         * Adds a resource monitor ({@link JvmMonitor}, {@link ProcessMonitor},
         * {@link PrometheusMonitor}, or your own): a run with these options starts it before its
         * first interval, samples its gauges into every interval like those of {@link #addGauge},
         * and closes it at the end, also when the run fails. A monitor that fails does not stop the
         * run; see {@link ResourceMonitor}.
         *
         * @param monitor the monitor; its label must differ from the other monitors' labels
         * @return this builder
         * @throws IllegalArgumentException if the label is taken or a gauge name already used
         */
        public Builder addMonitor(ResourceMonitor monitor) {
            Checks.notNull("runOptions", "monitor", monitor);
            String label = monitor.label();
            if (monitors.stream().anyMatch(m -> m.label().equals(label))) {
                throw new IllegalArgumentException("runOptions: monitor labels must be unique, was \"" + label + "\" twice");
            }
            Map<String, DoubleSupplier> added = monitor.gauges();
            for (String name : added.keySet()) {
                if (gauges.containsKey(name)) {
                    throw new IllegalArgumentException("runOptions: gauge names must be unique, was \"" + name
                            + "\" twice (monitor \"" + label + "\")");
                }
            }
            added.forEach(this::addGauge);
            monitors.add(monitor);
            return this;
        }

        /**
         * Stops the run when one of the thresholds' {@link Rule#abortOnFail()} rules reaches its
         * critical level. The engine checks them at the end of every interval, on the
         * coordinator thread, over the intervals measured so far ({@link Thresholds#abortBreach});
         * on a breach the run stops like {@link RunHandle#stop()}, except that in-flight
         * iterations get at most one interval (or the scenario's graceful stop, if shorter) to
         * finish before they are interrupted, so that the run ends within one interval of the
         * breach. The result's status is {@link RunStatus#ABORTED}, its stop reason names the rule
         * and the value, and everything measured until then is kept. Rules without
         * {@code abortOnFail} are not checked during the run: evaluate them on the result.
         *
         * @param thresholds thresholds with at least one {@code abortOnFail} rule
         * @return this builder
         * @throws IllegalArgumentException if no rule of {@code thresholds} is marked {@code abortOnFail}
         */
        public Builder abortOn(Thresholds thresholds) {
            Checks.notNull("runOptions", "abortOn", thresholds);
            if (!thresholds.hasAbortRules()) {
                throw new IllegalArgumentException("runOptions: abortOn needs a rule marked abortOnFail, was " + thresholds);
            }
            this.abortOn = thresholds;
            return this;
        }

        /**
         * Starts the run at a wall-clock instant instead of at once, so that the shards of a split
         * run ({@link Shard}) given the same instant start together. {@link LoadTest#start} returns
         * at once and the run waits, without load, until the instant ({@link RunHandle#stop()}
         * ends the wait and the run); {@link RunResult#start()} is when it really started. A run
         * that starts after the instant (its process came up late) starts at once, and reports its
         * lag in seconds as the gauge {@value #START_LAG_GAUGE} of every interval, so the shard
         * results show which shard was late. Use {@link Shard#nextMultipleOf(Duration, Instant)}
         * to agree on an instant without passing one around.
         *
         * @param startAt the planned start; an instant in the past starts at once, with its lag
         * @return this builder
         * @throws IllegalArgumentException if {@code startAt} is null
         */
        public Builder startAt(Instant startAt) {
            this.startAt = Checks.notNull("runOptions", "startAt", startAt);
            return this;
        }

        /** Returns the options. */
        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}
