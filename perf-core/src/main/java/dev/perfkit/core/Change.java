package dev.perfkit.core;

/**
 * One figure in a baseline run and in the current run, such as a sample's p95 or its throughput.
 * Immutable; part of a {@link SampleComparison}. The unit is the figure's own, stated where the
 * change is exposed: nanoseconds for times, samples per second for throughput, a ratio 0 to 1
 * for error rates.
 *
 * @param baseline the value in the baseline run
 * @param current  the value in the current run
 */
public record Change(double baseline, double current) {

    /** Returns {@code current - baseline}, in the figure's unit. */
    public double absolute() {
        return current - baseline;
    }

    /**
     * Returns the change relative to the baseline: {@code current / baseline - 1}, so +0.2 is 20 %
     * more. When the baseline is 0 it is 0 if the current value is 0 too, else an infinity of the
     * change's sign.
     */
    public double relative() {
        if (baseline == 0) {
            return current == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, current);
        }
        return current / baseline - 1;
    }
}
