package dev.perfkit.core;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A {@link RunListener} that also receives each interval's response-time histograms, for writers
 * that keep the distribution over time (HdrHistogram interval logs) rather than the interval's
 * percentiles only.
 *
 * <p><b>Cost.</b> The engine copies the histograms only when at least one listener of this type is
 * registered: a run without one pays nothing. A copy is about 28 KB per sample name and interval
 * at most, made on the coordinator thread.
 *
 * <p><b>Contract.</b> As {@link RunListener}: called on the run's coordinator thread, right before
 * {@link #onInterval} of the same interval, never concurrently for one run; it must return quickly;
 * an exception it throws is logged and ignored.
 */
public interface IntervalHistogramListener extends RunListener {

    /**
     * Called at the end of every interval with its histograms.
     *
     * @param interval      the interval's statistics, as {@link #onInterval} receives them
     * @param responseTimes the response times (nanoseconds, from the scheduled start) of the
     *                      successful samples of each name that had samples in the interval, in the
     *                      order of {@link IntervalStats#samples()}; a name whose samples all failed
     *                      has an empty histogram. The map is unmodifiable; the histograms are fresh
     *                      copies that the listener may keep but, as every listener of the run gets
     *                      the same ones, must not modify.
     */
    void onIntervalHistograms(IntervalStats interval, Map<String, Histogram> responseTimes);
}
