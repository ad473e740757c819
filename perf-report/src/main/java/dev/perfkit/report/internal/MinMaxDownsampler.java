package dev.perfkit.report.internal;

import java.util.Arrays;

/**
 * Reduces a polyline to what a chart of a given width can show: the points are grouped into one
 * bucket per pixel column and each bucket keeps only its lowest and its highest point, in their
 * original order. Spikes survive (a one-second stall in an hour-long run still reaches its height),
 * and a series of any length costs at most two points per pixel.
 *
 * <p>Points must be ordered by x. A NaN y is kept as a gap: it ends the current bucket so that the
 * line breaks there.
 */
public final class MinMaxDownsampler {

    private MinMaxDownsampler() {
    }

    /**
     * Returns the indexes of the points to keep, in ascending order. NaN points are all kept (they
     * mark gaps); when the series has no more than two points per pixel, every index is kept.
     *
     * @param x      the x values, ascending
     * @param y      the y values, same length; NaN for a gap
     * @param xMin   the x of the chart's left edge
     * @param xMax   the x of the chart's right edge, greater than {@code xMin}
     * @param pixels the width of the plot in pixels, at least 1
     * @return the indexes to keep
     * @throws IllegalArgumentException if the lengths differ or {@code pixels} is below 1
     */
    public static int[] keep(double[] x, double[] y, double xMin, double xMax, int pixels) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("minMaxDownsampler: x and y must have the same length, were "
                    + x.length + " and " + y.length);
        }
        if (pixels < 1) {
            throw new IllegalArgumentException("minMaxDownsampler: pixels must be >= 1, was " + pixels);
        }
        int n = x.length;
        if (n <= 2 * pixels) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double scale = xMax > xMin ? pixels / (xMax - xMin) : 0;
        int[] kept = new int[n];
        int size = 0;
        int bucket = Integer.MIN_VALUE;
        int minIndex = -1;
        int maxIndex = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                size = flush(kept, size, minIndex, maxIndex);
                minIndex = -1;
                maxIndex = -1;
                bucket = Integer.MIN_VALUE;
                kept[size++] = i;
                continue;
            }
            int b = (int) Math.min(pixels - 1, Math.max(0, Math.floor((x[i] - xMin) * scale)));
            if (b != bucket) {
                size = flush(kept, size, minIndex, maxIndex);
                bucket = b;
                minIndex = i;
                maxIndex = i;
            } else {
                if (y[i] < y[minIndex]) {
                    minIndex = i;
                }
                if (y[i] > y[maxIndex]) {
                    maxIndex = i;
                }
            }
        }
        size = flush(kept, size, minIndex, maxIndex);
        return Arrays.copyOf(kept, size);
    }

    private static int flush(int[] kept, int size, int minIndex, int maxIndex) {
        if (minIndex < 0) {
            return size;
        }
        int first = Math.min(minIndex, maxIndex);
        int second = Math.max(minIndex, maxIndex);
        kept[size++] = first;
        if (second != first) {
            kept[size++] = second;
        }
        return size;
    }
}
