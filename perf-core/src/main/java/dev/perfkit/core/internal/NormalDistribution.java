package dev.perfkit.core.internal;

/**
 * Tail probabilities of the standard normal distribution, for the p-values of the rank and
 * proportion tests. Pure functions.
 *
 * <p>The complementary error function is the Chebyshev fit of Numerical Recipes ({@code erfcc}),
 * whose relative error is below 1.2e-7 for every argument: ample for comparing a p-value with a
 * significance level of 0.05 or 0.01.
 */
public final class NormalDistribution {

    private NormalDistribution() {
    }

    /**
     * Returns P(Z &gt; z) for a standard normal Z.
     *
     * @param z any value; NaN gives NaN
     * @return the upper tail probability, 0 to 1
     */
    public static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /**
     * Returns the two-sided p-value of a standard normal statistic: P(|Z| &gt;= |z|).
     *
     * @param z the statistic
     * @return the p-value, 0 to 1
     */
    public static double twoSidedP(double z) {
        return Math.min(1, 2 * upperTail(Math.abs(z)));
    }

    /**
     * Returns the complementary error function erfc(x) = 1 - erf(x).
     *
     * @param x any value
     * @return erfc(x), 0 to 2
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double ans = t * Math.exp(poly);
        return x >= 0 ? ans : 2 - ans;
    }
}
