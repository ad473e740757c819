package dev.perfkit.core;

import java.util.Objects;

/**
 * One statistical test of a {@link SampleComparison}: the latency, the error rate or the
 * throughput of a sample name in the current run against the baseline. Immutable.
 *
 * <p>What the numbers mean depends on the {@link #kind()}:
 * <ul>
 *   <li>{@link Kind#LATENCY}: a Mann-Whitney U test of the per-interval values of
 *       {@link RegressionPolicy#statistic()} (the interval's p50 by default); {@code baselineN}
 *       and {@code currentN} count the intervals used, {@code statistic} is U of the current run
 *       (above n·m/2 when it tends to be slower), {@code effect} is the Hodges-Lehmann shift
 *       divided by the baseline's median of those values (+0.2: 20 % slower).</li>
 *   <li>{@link Kind#ERROR_RATE}: a two-proportion z test on the failed samples; the N are sample
 *       counts, {@code statistic} is z, {@code effect} is the absolute increase of the error rate
 *       (+0.05: five more failures in a hundred).</li>
 *   <li>{@link Kind#THROUGHPUT}, on the total of two open runs of the same load only: a
 *       two-proportion z test on the arrivals dropped at the concurrency cap; the N are the
 *       arrivals offered, {@code effect} is the relative change of the share that started
 *       (-0.2: 20 % fewer started).</li>
 * </ul>
 *
 * @param kind       what was tested
 * @param method     the test and its observations in words, for reports
 * @param baselineN  the observations of the baseline run
 * @param currentN   the observations of the current run
 * @param statistic  the test statistic; {@code NaN} when the test could not run
 * @param pValue     the two-sided p-value, 0 to 1; {@code NaN} when the test could not run
 * @param effect     the size of the change (see above); {@code NaN} when the test could not run
 * @param decision   what the test concluded
 * @param reason     why, in one line with its figures
 */
public record ChangeTest(Kind kind, String method, long baselineN, long currentN, double statistic, double pValue,
                         double effect, ChangeDecision decision, String reason) {

    /** What a {@link ChangeTest} tests. */
    public enum Kind {
        /** The response time of successful samples. */
        LATENCY,
        /** The share of failed samples. */
        ERROR_RATE,
        /** The share of an open run's offered arrivals that started. */
        THROUGHPUT
    }

    /** Checks that the texts, the kind and the decision are present. */
    public ChangeTest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }
}
