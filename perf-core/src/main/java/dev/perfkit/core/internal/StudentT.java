package dev.perfkit.core.internal;

/**
 * Quantiles of Student's t distribution, for confidence intervals of small samples.
 *
 * <p>The distribution function is computed through the regularized incomplete beta function
 * (continued fraction, as in Numerical Recipes §6.4), and the quantile by bisection on it: accurate
 * to about 1e-9, far beyond what a confidence interval over measured data needs. Pure and stateless.
 */
public final class StudentT {

    private StudentT() {
    }

    /**
     * Returns the two-sided critical value: the {@code t} with {@code P(|T| <= t) = confidence}.
     *
     * @param confidence the confidence level, strictly between 0 and 1, such as 0.95
     * @param df         the degrees of freedom, {@code >= 1}
     * @return the critical value, for example 2.228 for 95 % and 10 degrees of freedom
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double twoSidedCritical(double confidence, int df) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("studentT: confidence must be within (0, 1), was " + confidence);
        }
        if (df < 1) {
            throw new IllegalArgumentException("studentT: df must be >= 1, was " + df);
        }
        double target = (1 + confidence) / 2;
        double low = 0;
        double high = 1;
        while (cdf(high, df) < target) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
            double mid = (low + high) / 2;
            if (cdf(mid, df) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /**
     * Returns {@code P(T <= t)} for {@code df} degrees of freedom.
     *
     * @param t  the value
     * @param df the degrees of freedom, {@code >= 1}
     * @return the probability, 0 to 1
     */
    public static double cdf(double t, int df) {
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, df / 2.0, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 1000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + aa * d, tiny);
            c = nonZero(1 + aa / c, tiny);
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + aa * d, tiny);
            c = nonZero(1 + aa / c, tiny);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double v, double tiny) {
        return Math.abs(v) < tiny ? tiny : v;
    }

    /** Lanczos approximation of ln Γ(x), x > 0, relative error below 1e-14. */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < g.length; i++) {
            sum += g[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
