package dev.perfkit.core.internal;

/**
 * The two-proportion z test: whether the share of events (failures, dropped arrivals) differs
 * between two runs, each a number of independent trials. Pure.
 *
 * <p>The statistic uses the pooled proportion, as
 * {@code statsmodels.stats.proportion.proportions_ztest} does without continuity correction:
 * {@code z = (p2 - p1) / sqrt(p (1 - p) (1/n1 + 1/n2))} with {@code p = (e1 + e2) / (n1 + n2)}.
 * The normal approximation wants a few events on each side; with none at all the shares are
 * equal and the p-value is 1.
 */
public final class TwoProportions {

    private TwoProportions() {
    }

    /**
     * The outcome of the test.
     *
     * @param z      the statistic; positive when the second share is larger
     * @param pValue the two-sided p-value, 0 to 1
     */
    public record Result(double z, double pValue) {
    }

    /**
     * Tests whether {@code events2 / trials2} differs from {@code events1 / trials1}.
     *
     * @param events1 the events of the first run (the baseline), 0 to {@code trials1}
     * @param trials1 the trials of the first run, at least 1
     * @param events2 the events of the second run (the current one), 0 to {@code trials2}
     * @param trials2 the trials of the second run, at least 1
     * @return the statistic and the p-value
     * @throws IllegalArgumentException if a count is out of range
     */
    public static Result test(long events1, long trials1, long events2, long trials2) {
        if (trials1 < 1 || trials2 < 1 || events1 < 0 || events2 < 0 || events1 > trials1 || events2 > trials2) {
            throw new IllegalArgumentException("twoProportions: events must be within 0..trials and trials >= 1, was "
                    + events1 + "/" + trials1 + " and " + events2 + "/" + trials2);
        }
        double p1 = (double) events1 / trials1;
        double p2 = (double) events2 / trials2;
        double pooled = (double) (events1 + events2) / (trials1 + trials2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
        if (!(se > 0)) {
            return new Result(0, 1);
        }
        double z = (p2 - p1) / se;
        return new Result(z, NormalDistribution.twoSidedP(z));
    }
}
