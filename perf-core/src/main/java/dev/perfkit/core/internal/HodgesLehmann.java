package dev.perfkit.core.internal;

import java.util.Arrays;

/**
 * The Hodges-Lehmann estimate of the shift between two samples: the median of all differences
 * {@code y[j] - x[i]}. It is the effect size that goes with the Mann-Whitney test: robust to
 * outliers, and exactly the shift when one sample is the other moved by a constant. Pure.
 *
 * <p>The n·m differences are never materialised (an hour of 1 s intervals on each side would make
 * 13 million): the median is selected by bisecting on the value, counting the differences at or
 * below a candidate in O(n + m) over the sorted samples, until few enough candidates remain to
 * sort them. Time O((n + m) log(range)), memory O(n + m).
 */
public final class HodgesLehmann {

    /** Below this many candidate differences, they are gathered and sorted. */
    private static final int GATHER_LIMIT = 4096;
    /** Bisection steps after which the candidates are adjacent doubles at any magnitude. */
    private static final int MAX_STEPS = 2200;

    private HodgesLehmann() {
    }

    /**
     * Returns the median of all differences {@code y[j] - x[i]}.
     *
     * @param x the first sample (the baseline), at least one finite value
     * @param y the second sample (the current run), at least one finite value
     * @return the estimated shift of {@code y} relative to {@code x}, in their unit
     * @throws IllegalArgumentException if a sample is empty or holds a value that is not finite
     */
    public static double shift(double[] x, double[] y) {
        double[] xs = sortedFinite(x, "x");
        double[] ys = sortedFinite(y, "y");
        long pairs = (long) xs.length * ys.length;
        if (pairs % 2 == 1) {
            return kthDifference(xs, ys, pairs / 2 + 1);
        }
        return (kthDifference(xs, ys, pairs / 2) + kthDifference(xs, ys, pairs / 2 + 1)) / 2;
    }

    /**
     * Returns the median of a sample (the mean of the two middle values for an even count).
     *
     * @param values at least one value
     * @return the median
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median: no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /** The k-th smallest (from 1) of the differences ys[j] - xs[i] of two sorted arrays. */
    static double kthDifference(double[] xs, double[] ys, long k) {
        double lo = ys[0] - xs[xs.length - 1];
        double hi = ys[ys.length - 1] - xs[0];
        if (countAtMost(xs, ys, lo) >= k) {
            return lo;
        }
        // invariant: countAtMost(lo) < k <= countAtMost(hi), so the k-th lies in (lo, hi]
        long below = countAtMost(xs, ys, lo);
        long atHi = countAtMost(xs, ys, hi);
        for (int step = 0; step < MAX_STEPS && atHi - below > GATHER_LIMIT; step++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                return hi; // no double between: every difference in (lo, hi] equals hi
            }
            long count = countAtMost(xs, ys, mid);
            if (count >= k) {
                hi = mid;
                atHi = count;
            } else {
                lo = mid;
                below = count;
            }
        }
        double[] candidates = differencesIn(xs, ys, lo, hi, (int) Math.min(atHi - below, GATHER_LIMIT));
        Arrays.sort(candidates);
        int index = (int) Math.min(k - below - 1, candidates.length - 1);
        return candidates[index];
    }

    /** The number of differences ys[j] - xs[i] that are <= d. */
    static long countAtMost(double[] xs, double[] ys, double d) {
        long count = 0;
        int j = 0;
        // as xs[i] grows, more of ys qualify: the pointer only moves forward
        for (double x : xs) {
            while (j < ys.length && ys[j] - x <= d) {
                j++;
            }
            count += j;
        }
        return count;
    }

    /** The differences in (lo, hi], at most {@code limit} of them. */
    private static double[] differencesIn(double[] xs, double[] ys, double lo, double hi, int limit) {
        double[] out = new double[limit];
        int size = 0;
        int from = 0;
        int to = 0;
        for (double x : xs) {
            while (from < ys.length && ys[from] - x <= lo) {
                from++;
            }
            while (to < ys.length && ys[to] - x <= hi) {
                to++;
            }
            for (int j = from; j < to && size < limit; j++) {
                out[size++] = ys[j] - x;
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static double[] sortedFinite(double[] values, String name) {
        if (values.length == 0) {
            throw new IllegalArgumentException("hodgesLehmann: " + name + " must hold values, was empty");
        }
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("hodgesLehmann: " + name + " must hold finite values, was " + v);
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
