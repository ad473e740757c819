package dev.perfkit.core;

/**
 * What a comparison with a baseline concluded about one sample name, or about one of its tests
 * ({@link ChangeTest}).
 *
 * <p>A change is decided only when it is both statistically significant (its p-value is below
 * {@link RegressionPolicy#significance()}) and large enough to matter (it reaches the policy's
 * minimum effect); anything else is {@link #NO_CHANGE}.
 */
public enum ChangeDecision {
    /** Worse than the baseline: significantly and by at least the minimum effect. */
    REGRESSION,
    /** Better than the baseline: significantly and by at least the minimum effect. */
    IMPROVEMENT,
    /** No change that is both significant and large enough. */
    NO_CHANGE,
    /** Too little data on one side to decide, for example fewer intervals than the policy's minimum. */
    INSUFFICIENT_DATA
}
