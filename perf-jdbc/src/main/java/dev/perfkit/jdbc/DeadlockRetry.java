package dev.perfkit.jdbc;

import java.time.Duration;

/**
 * Retries a statement or transaction that the database rolled back as a deadlock victim or for a
 * serialization failure (category {@code sql_deadlock}: SQL state class 40). Runs on
 * Resilience4j's {@code Retry}, with exponential back-off and jitter, so two victims do not collide
 * again at once. Other failures are never retried.
 *
 * <pre>{@code
 * SqlTransaction transfer = SqlTransaction.custom("transfer")
 *     .step(debit).step(credit)
 *     .retry(DeadlockRetry.custom().maxAttempts(5).build())
 *     .build();
 * }</pre>
 *
 * <h2>How retries are recorded</h2>
 * The statement's own sample covers the whole call, from the first attempt to the last, with the
 * outcome of the last attempt: its error rate is that of the calls after retries. Every attempt
 * that failed and was retried is also recorded, as a failure of category {@code sql_deadlock}
 * under the name {@code <statement name>} + {@link #RETRIED_SUFFIX}, so the deadlocks stay visible
 * and count as requests the database saw.
 *
 * <p>An immutable value; {@link #custom()} starts a builder, {@link #toBuilder()} a modified copy.
 */
public final class DeadlockRetry {

    /** Appended to a statement's name for the samples of attempts that failed and were retried. */
    public static final String RETRIED_SUFFIX = " retried";
    /** Attempts in all, the first one included, unless set. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The wait before the first retry, unless set. */
    public static final Duration DEFAULT_INITIAL_WAIT = Duration.ofMillis(10);
    /** How much each wait grows over the previous one, unless set. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** The jitter: each wait is drawn uniformly within this share of its nominal value. */
    public static final double JITTER = 0.5;

    private static final DeadlockRetry DEFAULTS = custom().build();

    private final int maxAttempts;
    private final Duration initialWait;
    private final double multiplier;

    private DeadlockRetry(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialWait = b.initialWait;
        this.multiplier = b.multiplier;
    }

    /** Returns the default policy: 3 attempts, waits of about 10 ms then 20 ms. */
    public static DeadlockRetry defaults() {
        return DEFAULTS;
    }

    /** Returns a builder with the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialWait(initialWait).multiplier(multiplier);
    }

    /** Returns the attempts in all, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the nominal wait before the first retry. */
    public Duration initialWait() {
        return initialWait;
    }

    /** Returns the growth factor of the waits. */
    public double multiplier() {
        return multiplier;
    }

    @Override
    public String toString() {
        return "DeadlockRetry[maxAttempts=" + maxAttempts + ", initialWait=" + initialWait.toMillis() + "ms, multiplier="
                + multiplier + "]";
    }

    /** Builds a {@link DeadlockRetry}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialWait = DEFAULT_INITIAL_WAIT;
        private double multiplier = DEFAULT_MULTIPLIER;

        private Builder() {
        }

        /**
         * Sets the attempts in all, the first one included.
         *
         * @param maxAttempts {@code >= 2}; default {@link #DEFAULT_MAX_ATTEMPTS}
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 2) {
                throw new IllegalArgumentException("deadlockRetry: maxAttempts must be >= 2, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the nominal wait before the first retry.
         *
         * @param initialWait at least 1 ms; default {@link #DEFAULT_INITIAL_WAIT}
         * @return this builder
         */
        public Builder initialWait(Duration initialWait) {
            Checks.notNull("deadlockRetry", "initialWait", initialWait);
            if (initialWait.toMillis() < 1) {
                throw new IllegalArgumentException("deadlockRetry: initialWait must be >= 1ms, was " + initialWait);
            }
            this.initialWait = initialWait;
            return this;
        }

        /**
         * Sets how much each wait grows over the previous one.
         *
         * @param multiplier {@code >= 1}; default {@link #DEFAULT_MULTIPLIER}
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("deadlockRetry: multiplier must be a finite number >= 1, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Returns the policy. */
        public DeadlockRetry build() {
            return new DeadlockRetry(this);
        }
    }
}
