package dev.perfkit.jdbc;

import java.time.Duration;
import java.util.Locale;

/**
 * One statement over one of the {@link QueryThresholds}.
 *
 * @param sample the statement's sample name
 * @param metric what was measured: {@link #MEAN} or {@link #MAX}
 * @param limit  the bound
 * @param actual the measured value
 */
public record ThresholdViolation(String sample, String metric, Duration limit, Duration actual) {

    /** The metric of a violated mean. */
    public static final String MEAN = "mean";
    /** The metric of a violated maximum. */
    public static final String MAX = "max";

    /** Returns the violation in one sentence, such as {@code "user by id: mean 120.4 ms >= 100.0 ms"}. */
    public String message() {
        return String.format(Locale.ROOT, "%s: %s %.1f ms >= %.1f ms", sample, metric, actual.toNanos() / 1e6, limit.toNanos() / 1e6);
    }
}
