package dev.perfkit.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a threshold {@link Rule} measures of its {@link Subject}.
 *
 * <p>Times ({@link #P50} to {@link #P999}, {@link #MEAN}, {@link #MAX} of a sample) are response
 * times of successful samples, in milliseconds. {@link #MEAN}, {@link #MAX}, {@link #MIN} and
 * {@link #LAST} of a gauge are taken over the gauge's values at the end of each interval, in the
 * gauge's own unit; values that are {@code NaN} (a failed reading) are skipped.
 *
 * <p>Over a trailing window only what the intervals hold can be computed: {@link #P75} and
 * {@link #P999} are not kept per interval and are refused there.
 */
public enum Statistic {
    /** Median response time, ms. */
    P50("p50"),
    /** 75th percentile response time, ms; whole run only. */
    P75("p75"),
    /** 90th percentile response time, ms. */
    P90("p90"),
    /** 95th percentile response time, ms. */
    P95("p95"),
    /** 99th percentile response time, ms. */
    P99("p99"),
    /** 99.9th percentile response time, ms; whole run only. */
    P999("p999"),
    /** Mean response time (ms) of a sample, or mean value of a gauge. */
    MEAN("mean"),
    /** Largest response time (ms) of a sample, or largest value of a gauge. */
    MAX("max"),
    /** Smallest value of a gauge. */
    MIN("min"),
    /** Last value of a gauge. */
    LAST("last"),
    /** Share of failed samples, 0 to 1. */
    ERROR_RATE("errorRate"),
    /** Samples per second. */
    THROUGHPUT("throughput"),
    /** Number of samples, successful and failed. */
    COUNT("count"),
    /** Number of failed samples. */
    FAILURES("failures"),
    /** Open-model arrivals dropped at the concurrency cap; of the total only. */
    DROPPED("dropped");

    private final String id;

    Statistic(String id) {
        this.id = id;
    }

    /** Returns the name used in rule descriptions and rule files, such as {@code p95} or {@code errorRate}. */
    public String id() {
        return id;
    }

    /** Returns whether the statistic is a response time (ms) when it judges a sample or the total; gauges keep their own unit. */
    public boolean isTime() {
        return ordinal() <= MAX.ordinal();
    }

    /**
     * Returns whether the statistic applies to a subject of the given kind.
     *
     * @param kind the subject's kind
     * @return {@code true} if a rule may pair them
     */
    public boolean appliesTo(Subject.Kind kind) {
        return switch (this) {
            case MEAN, MAX -> true;
            case MIN, LAST -> kind == Subject.Kind.GAUGE;
            case DROPPED -> kind == Subject.Kind.TOTAL;
            default -> kind != Subject.Kind.GAUGE;
        };
    }

    /** Returns whether the statistic can be computed from the intervals of a trailing window. */
    public boolean windowable() {
        return this != P75 && this != P999;
    }

    /**
     * Returns the statistic named {@code id}, ignoring case.
     *
     * @param id a name such as {@code p95}, {@code errorRate} or {@code max}
     * @return the statistic
     * @throws IllegalArgumentException naming the known statistics if there is none of that name
     */
    public static Statistic fromId(String id) {
        for (Statistic s : values()) {
            if (s.id.equalsIgnoreCase(id) || s.name().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown statistic \"" + id + "\"; known: " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(Statistic::id).collect(Collectors.joining(", "));
    }
}
