package dev.perfkit.core.internal;

import dev.perfkit.core.ChangeDecision;
import dev.perfkit.core.ChangeTest;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RegressionPolicy;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The three tests of a baseline comparison, each turned into a {@link ChangeTest} with its
 * decision and a one-line reason. Pure.
 */
final class ChangeTests {

    private static final double NONE = Double.NaN;

    private ChangeTests() {
    }

    /**
     * Tests the per-interval latency of one sample name (or the total).
     *
     * @param select picks the sample name's interval out of an interval, null when it had no sample
     */
    static ChangeTest latency(List<IntervalStats> baseline, List<IntervalStats> current,
                              Function<IntervalStats, IntervalStats.Interval> select, RegressionPolicy policy) {
        RegressionPolicy.Statistic statistic = policy.statistic();
        String what = statistic.name().toLowerCase(Locale.ROOT) + " per interval";
        String method = "Mann-Whitney U on the " + what;
        double[] x = latencies(baseline, select, policy);
        double[] y = latencies(current, select, policy);
        if (x.length < policy.minIntervals() || y.length < policy.minIntervals()) {
            return new ChangeTest(ChangeTest.Kind.LATENCY, method, x.length, y.length, NONE, NONE, NONE,
                    ChangeDecision.INSUFFICIENT_DATA, "latency: " + x.length + " baseline and " + y.length
                    + " current intervals with >= " + policy.minSamplesPerInterval() + " successful samples, "
                    + policy.minIntervals() + " needed on each side");
        }
        MannWhitney.Result test = MannWhitney.test(x, y);
        double baseMedian = HodgesLehmann.median(x);
        double effect = relative(HodgesLehmann.shift(x, y), baseMedian);
        ChangeDecision decision = decide(test.pValue(), effect, policy.minLatencyChange(), policy, false);
        String reason = what + " " + percent(effect) + " (median " + millis(baseMedian) + " -> "
                + millis(HodgesLehmann.median(y)) + ")" + because(decision, test.pValue(), policy,
                percentOf(policy.minLatencyChange()) + " minimum", x.length, y.length, "intervals");
        return new ChangeTest(ChangeTest.Kind.LATENCY, method, x.length, y.length, test.u(), test.pValue(), effect,
                decision, reason);
    }

    /** Tests the error rate of one sample name (or the total). */
    static ChangeTest errorRate(SampleStats baseline, SampleStats current, RegressionPolicy policy) {
        String method = "two-proportion z test on failed samples";
        if (baseline.count() == 0 || current.count() == 0) {
            return new ChangeTest(ChangeTest.Kind.ERROR_RATE, method, baseline.count(), current.count(), NONE, NONE,
                    NONE, ChangeDecision.INSUFFICIENT_DATA, "error rate: no samples in the "
                    + (baseline.count() == 0 ? "baseline" : "current run"));
        }
        TwoProportions.Result test = TwoProportions.test(baseline.failures(), baseline.count(), current.failures(),
                current.count());
        double increase = current.errorRate() - baseline.errorRate();
        ChangeDecision decision = decide(test.pValue(), increase, policy.minErrorRateIncrease(), policy, false);
        String reason = "error rate " + percentOf(baseline.errorRate()) + " -> " + percentOf(current.errorRate())
                + because(decision, test.pValue(), policy, String.format(Locale.ROOT, "%.1f-point minimum",
                policy.minErrorRateIncrease() * 100), baseline.count(), current.count(), "samples");
        return new ChangeTest(ChangeTest.Kind.ERROR_RATE, method, baseline.count(), current.count(), test.z(),
                test.pValue(), increase, decision, reason);
    }

    /** Tests the throughput of two open runs: the share of offered arrivals that started. */
    static ChangeTest openThroughput(RunResult baseline, RunResult current, RegressionPolicy policy) {
        String method = "two-proportion z test on dropped arrivals";
        long offeredBase = baseline.iterations() + baseline.dropped();
        long offeredCur = current.iterations() + current.dropped();
        if (offeredBase == 0 || offeredCur == 0) {
            return new ChangeTest(ChangeTest.Kind.THROUGHPUT, method, offeredBase, offeredCur, NONE, NONE, NONE,
                    ChangeDecision.INSUFFICIENT_DATA, "throughput: no arrivals in the "
                    + (offeredBase == 0 ? "baseline" : "current run"));
        }
        TwoProportions.Result test = TwoProportions.test(baseline.dropped(), offeredBase, current.dropped(), offeredCur);
        double achievedBase = (double) baseline.iterations() / offeredBase;
        double achievedCur = (double) current.iterations() / offeredCur;
        double effect = relative(achievedCur - achievedBase, achievedBase);
        ChangeDecision decision = decide(test.pValue(), effect, policy.minThroughputChange(), policy, true);
        String reason = "arrivals started " + percentOf(achievedBase) + " -> " + percentOf(achievedCur)
                + " of those offered" + because(decision, test.pValue(), policy,
                percentOf(policy.minThroughputChange()) + " minimum", offeredBase, offeredCur, "arrivals");
        return new ChangeTest(ChangeTest.Kind.THROUGHPUT, method, offeredBase, offeredCur, test.z(), test.pValue(),
                effect, decision, reason);
    }

    /**
     * Significant and at least the minimum: a regression or an improvement by the direction of the
     * effect ({@code lowerIsWorse} for throughput); anything else is no change.
     */
    private static ChangeDecision decide(double pValue, double effect, double minimum, RegressionPolicy policy,
                                         boolean lowerIsWorse) {
        if (!(pValue < policy.significance()) || effect == 0 || Math.abs(effect) < minimum) {
            return ChangeDecision.NO_CHANGE;
        }
        boolean worse = lowerIsWorse ? effect < 0 : effect > 0;
        return worse ? ChangeDecision.REGRESSION : ChangeDecision.IMPROVEMENT;
    }

    private static String because(ChangeDecision decision, double pValue, RegressionPolicy policy, String minimum,
                                  long n, long m, String unit) {
        String test = String.format(Locale.ROOT, "p = %.2g over %d and %d %s", pValue, n, m, unit);
        if (decision == ChangeDecision.REGRESSION || decision == ChangeDecision.IMPROVEMENT) {
            return ", " + test;
        }
        if (!(pValue < policy.significance())) {
            return ", not significant (" + test + ")";
        }
        return ", significant (" + test + ") but below the " + minimum;
    }

    private static double[] latencies(List<IntervalStats> intervals,
                                      Function<IntervalStats, IntervalStats.Interval> select, RegressionPolicy policy) {
        return intervals.stream().map(select)
                .filter(i -> i != null && i.count() - i.failures() >= policy.minSamplesPerInterval())
                .mapToDouble(i -> policy.statistic().of(i)).toArray();
    }

    private static double relative(double shift, double base) {
        if (base == 0) {
            return shift == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, shift);
        }
        return shift / base;
    }

    static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", ratio * 100);
    }

    private static String percentOf(double ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
    }
}
