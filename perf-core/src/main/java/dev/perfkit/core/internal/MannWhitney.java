package dev.perfkit.core.internal;

import java.util.Arrays;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum test) of two independent samples: whether values of
 * one tend to be larger than values of the other, without assuming any distribution. Pure.
 *
 * <p>Ties get the average of their ranks and the variance is corrected for them; the p-value is
 * two-sided, from the normal approximation with a continuity correction of 0.5. This is what
 * {@code scipy.stats.mannwhitneyu(x, y, method="asymptotic")} computes (with its default
 * {@code use_continuity=True}); the approximation is good from about 8 values per side.
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    /**
     * The outcome of the test.
     *
     * @param u      the U statistic of {@code y}: the number of pairs (x, y) with y &gt; x, ties
     *               counting one half; from 0 to n·m, n·m/2 when neither side tends to be larger
     * @param z      the standardised statistic, with continuity correction; positive when
     *               {@code y} tends to be larger; 0 when every value is tied
     * @param pValue the two-sided p-value, 0 to 1; 1 when every value is tied
     */
    public record Result(double u, double z, double pValue) {
    }

    /**
     * Tests whether {@code y} tends to be larger or smaller than {@code x}.
     *
     * @param x the first sample (the baseline), at least one value, no NaN
     * @param y the second sample (the current run), at least one value, no NaN
     * @return the statistic and the p-value
     * @throws IllegalArgumentException if a sample is empty or holds NaN
     */
    public static Result test(double[] x, double[] y) {
        int n = x.length;
        int m = y.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("mannWhitney: both samples need values, had " + n + " and " + m);
        }
        int total = n + m;
        double[] values = new double[total];
        int[] order = new int[total];
        System.arraycopy(x, 0, values, 0, n);
        System.arraycopy(y, 0, values, n, m);
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("mannWhitney: samples must not hold NaN");
            }
        }
        Integer[] boxed = new Integer[total];
        for (int i = 0; i < total; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(values[a], values[b]));
        for (int i = 0; i < total; i++) {
            order[i] = boxed[i];
        }
        double rankSumY = 0;
        double tieTerm = 0;
        for (int i = 0; i < total; ) {
            int j = i;
            while (j + 1 < total && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (order[k] >= n) {
                    rankSumY += averageRank;
                }
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double u = rankSumY - m * (m + 1) / 2.0;
        double mean = (double) n * m / 2;
        double variance = (double) n * m / 12 * ((total + 1) - tieTerm / ((double) total * (total - 1)));
        if (!(variance > 0)) {
            return new Result(u, 0, 1);
        }
        double deviation = Math.abs(u - mean);
        double z = Math.signum(u - mean) * Math.max(0, deviation - 0.5) / Math.sqrt(variance);
        return new Result(u, z, NormalDistribution.twoSidedP(z));
    }
}
