package dev.perfkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run measured, as plain immutable data: the input of thresholds, baselines and every
 * report writer.
 *
 * <h2>What the total counts</h2>
 * The units of work the target saw: the adapter requests ({@link SampleKind#REQUEST}) when any
 * were recorded, otherwise the task invocations ({@link SampleKind#TASK}). A task that wraps three
 * HTTP requests is therefore not counted four times. Hooks never count.
 *
 * @param scenario    the scenario's name
 * @param description the scenario's one-line description
 * @param model       the load model
 * @param seed        the seed of all random choices; rerun with it to repeat them
 * @param status      how the run ended
 * @param stopReason  why it ended, in words
 * @param start       when the run started (wall clock)
 * @param end         when the last sample was recorded (wall clock)
 * @param duration    the measured duration, on the monotonic clock
 * @param total       the total (see above)
 * @param samples     the statistics per sample name, in the order the names first appeared
 * @param intervals   the time series, one entry per interval
 * @param iterations  the iterations started
 * @param dropped     the open-model arrivals dropped at the concurrency cap
 * @param peakUsers   the most virtual users alive at once
 * @param error       the {@link Error} that ended a {@link RunStatus#FAILED} run, as text, or null
 */
public record RunResult(String scenario, String description, LoadModel model, long seed, RunStatus status,
                        String stopReason, Instant start, Instant end, Duration duration, SampleStats total,
                        List<SampleStats> samples, List<IntervalStats> intervals, long iterations, long dropped,
                        int peakUsers, String error) {

    /** Copies the lists. */
    public RunResult {
        samples = List.copyOf(samples);
        intervals = List.copyOf(intervals);
    }

    /**
     * Returns the statistics of one sample name.
     *
     * @param name the sample name
     * @return the statistics, or empty if no sample of that name was recorded
     */
    public Optional<SampleStats> sample(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Returns the error that ended a failed run, if any. */
    public Optional<String> errorText() {
        return Optional.ofNullable(error);
    }
}
