package dev.perfkit.core;

import java.util.Objects;

/**
 * Thrown by {@link Feeder#next()} when a once-only feeder ({@link Feeder#once(java.util.List)})
 * has handed out all of its records.
 *
 * <p>The engine treats it as <em>end of data</em>, not as a task failure: the iteration that
 * asked for the record is discarded (it is not recorded), and the run stops gracefully, giving
 * this exception's message as the reason. What was measured up to that point is kept.
 *
 * <p>Because it can be thrown on the hot path, by many virtual threads at once when the data
 * runs out, it captures no stack trace and takes no suppressed exceptions. Instances are
 * immutable and safe to share between threads.
 */
public final class FeederExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The name of the feeder that ran out, as returned by {@link Feeder#name()}. */
    private final String feederName;

    /**
     * Creates the exception for the feeder with the given name.
     *
     * @param feederName the {@linkplain Feeder#name() name} of the exhausted feeder
     * @throws NullPointerException if {@code feederName} is null
     */
    public FeederExhaustedException(String feederName) {
        super("feeder '" + Objects.requireNonNull(feederName, "feederName") + "' ran out of records",
                null, false, false);
        this.feederName = feederName;
    }

    /**
     * Returns the name of the feeder that ran out of records.
     *
     * @return the {@linkplain Feeder#name() feeder's name}, never null
     */
    public String feederName() {
        return feederName;
    }
}
