package dev.perfkit.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run is observed: the interval of its time series and its listeners. Separate from
 * {@link Scenario}, which says what load to make.
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

    private RunOptions(Builder b) {
        this.interval = b.interval;
        this.listeners = List.copyOf(b.listeners);
    }

    /** Returns the defaults: 1 s intervals, no listener. */
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

    /** Builds {@link RunOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration interval = DEFAULT_INTERVAL;
        private final List<RunListener> listeners = new ArrayList<>();

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

        /** Returns the options. */
        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}
