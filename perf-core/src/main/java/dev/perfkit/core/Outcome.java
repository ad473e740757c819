package dev.perfkit.core;

/**
 * The outcome of a threshold rule, and of a whole {@link Verdict}: the worst outcome of its rules.
 *
 * <p>The constants are ordered from best to worst, so {@link #worse(Outcome)} and
 * {@code compareTo} rank them.
 */
public enum Outcome {
    /** The observed value is within the warning level. */
    PASS,
    /** The observed value crossed the warning level but not the critical one. */
    WARNING,
    /** The observed value crossed the critical level: the run fails its thresholds. */
    CRITICAL;

    /**
     * Returns the worse of this outcome and another.
     *
     * @param other the other outcome
     * @return {@code other} if it is worse than this one, else this one
     */
    public Outcome worse(Outcome other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
