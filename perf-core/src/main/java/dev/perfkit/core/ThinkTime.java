package dev.perfkit.core;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a virtual user does between two iterations: nothing, a pause, or pacing.
 *
 * <ul>
 *   <li>{@link #none()}: the next iteration starts as soon as the previous one ends.</li>
 *   <li>{@link #constant(Duration)}: a fixed pause after each iteration.</li>
 *   <li>{@link #uniform(Duration, Duration)}: a pause drawn uniformly from {@code [min, max]}.</li>
 *   <li>{@link #exponential(Duration)}: an exponentially distributed pause with the given mean, so
 *       that a user's iterations form a Poisson process, as independent real users do.</li>
 *   <li>{@link #pacing(Duration)}: each iteration starts a fixed interval after the previous one
 *       <em>started</em>. An iteration that overruns its slot makes the next start late; the next
 *       sample is then measured from its scheduled start, so a slow target shows in the
 *       percentiles (no coordinated omission).</li>
 * </ul>
 * Pauses are drawn from the virtual user's seeded random source. Values are immutable.
 */
public sealed interface ThinkTime {

    /** Returns the think time that never pauses. */
    static ThinkTime none() {
        return None.INSTANCE;
    }

    /**
     * Returns a fixed pause.
     *
     * @param pause the pause, {@code >= 0}
     * @return the think time
     * @throws IllegalArgumentException if {@code pause} is negative
     */
    static ThinkTime constant(Duration pause) {
        return new Constant(Checks.nonNegative("thinkTime.constant", "pause", pause));
    }

    /**
     * Returns a pause drawn uniformly between two bounds.
     *
     * @param min the shortest pause, {@code >= 0}
     * @param max the longest pause, {@code >= min}
     * @return the think time
     * @throws IllegalArgumentException if a bound is negative or {@code max < min}
     */
    static ThinkTime uniform(Duration min, Duration max) {
        Checks.nonNegative("thinkTime.uniform", "min", min);
        Checks.nonNegative("thinkTime.uniform", "max", max);
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    "thinkTime.uniform: max must be >= min, was max " + Checks.format(max)
                            + " < min " + Checks.format(min));
        }
        return new Uniform(min, max);
    }

    /**
     * Returns an exponentially distributed pause, the gaps of a Poisson process.
     *
     * @param mean the mean pause, {@code > 0}
     * @return the think time
     * @throws IllegalArgumentException if {@code mean} is not positive
     */
    static ThinkTime exponential(Duration mean) {
        return new Exponential(Checks.positive("thinkTime.exponential", "mean", mean));
    }

    /**
     * Returns pacing: iterations start {@code interval} apart, whatever they take.
     *
     * @param interval the start-to-start interval, {@code > 0}
     * @return the think time
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    static ThinkTime pacing(Duration interval) {
        return new Pacing(Checks.positive("thinkTime.pacing", "interval", interval));
    }

    /**
     * Draws the pause after an iteration, in nanoseconds. Pacing returns 0: its waits are computed
     * from the schedule, not drawn.
     *
     * @param random the virtual user's random source
     * @return the pause in nanoseconds, {@code >= 0}
     */
    long pauseNanos(RandomGenerator random);

    /** No pause. */
    enum None implements ThinkTime {
        /** The only instance. */
        INSTANCE;

        @Override
        public long pauseNanos(RandomGenerator random) {
            return 0;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * A fixed pause.
     *
     * @param pause the pause
     */
    record Constant(Duration pause) implements ThinkTime {
        @Override
        public long pauseNanos(RandomGenerator random) {
            return pause.toNanos();
        }

        @Override
        public String toString() {
            return "constant " + Checks.format(pause);
        }
    }

    /**
     * A uniformly distributed pause.
     *
     * @param min the shortest pause
     * @param max the longest pause
     */
    record Uniform(Duration min, Duration max) implements ThinkTime {
        @Override
        public long pauseNanos(RandomGenerator random) {
            long lo = min.toNanos();
            long hi = max.toNanos();
            return lo == hi ? lo : random.nextLong(lo, hi + 1);
        }

        @Override
        public String toString() {
            return "uniform " + Checks.format(min) + ".." + Checks.format(max);
        }
    }

    /**
     * An exponentially distributed pause.
     *
     * @param mean the mean pause
     */
    record Exponential(Duration mean) implements ThinkTime {
        @Override
        public long pauseNanos(RandomGenerator random) {
            // Inverse transform: -mean * ln(U), U in (0, 1].
            double u = 1.0 - random.nextDouble();
            return (long) (-Math.log(u) * mean.toNanos());
        }

        @Override
        public String toString() {
            return "exponential mean " + Checks.format(mean);
        }
    }

    /**
     * Start-to-start pacing.
     *
     * @param interval the interval between iteration starts
     */
    record Pacing(Duration interval) implements ThinkTime {
        @Override
        public long pauseNanos(RandomGenerator random) {
            return 0;
        }

        @Override
        public String toString() {
            return "pacing " + Checks.format(interval);
        }
    }
}
