package dev.perfkit.core.internal;

/**
 * An ordinary least-squares line {@code y = intercept + slope * x} with the confidence interval of
 * its slope (Student's t with {@code n - 2} degrees of freedom).
 *
 * <p>The interval assumes independent residuals of constant spread around a straight line. Points
 * of a time series are often correlated (a heap that grows in steps), which makes the interval
 * narrower than it should be: callers that decide on it should also ask for a material effect, not
 * only for an interval that excludes 0.
 *
 * @param n          the number of points
 * @param slope      the slope, in units of y per unit of x
 * @param intercept  the value at x = 0
 * @param slopeLow   the lower end of the slope's confidence interval
 * @param slopeHigh  the upper end of the slope's confidence interval
 * @param confidence the confidence level of the interval, such as 0.95
 * @param meanX      the mean of the x values
 * @param meanY      the mean of the y values
 */
public record LinearFit(int n, double slope, double intercept, double slopeLow, double slopeHigh, double confidence,
                        double meanX, double meanY) {

    /**
     * Fits a line to points.
     *
     * @param x          the x values
     * @param y          the y values, as many as {@code x}
     * @param confidence the confidence level of the slope's interval, within (0, 1)
     * @return the fit
     * @throws IllegalArgumentException if there are fewer than 3 points, the arrays differ in
     *                                  length, or all x are equal
     */
    public static LinearFit of(double[] x, double[] y, double confidence) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("linearFit: x and y must have the same length, were " + x.length + " and " + y.length);
        }
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException("linearFit: points must be >= 3, was " + n);
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("linearFit: x values must not all be equal, were all " + x[0]);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (intercept + slope * x[i]);
            sse += r * r;
        }
        double standardError = Math.sqrt(sse / (n - 2) / sxx);
        double halfWidth = StudentT.twoSidedCritical(confidence, n - 2) * standardError;
        return new LinearFit(n, slope, intercept, slope - halfWidth, slope + halfWidth, confidence, meanX, meanY);
    }

    /** Returns the fitted value at {@code x}. */
    public double at(double x) {
        return intercept + slope * x;
    }

    /** Returns whether the slope's confidence interval lies entirely above 0. */
    public boolean risingWithConfidence() {
        return slopeLow > 0;
    }
}
