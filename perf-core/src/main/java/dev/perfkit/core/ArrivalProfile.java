package dev.perfkit.core;

import java.time.Duration;
import java.util.function.DoubleUnaryOperator;

/**
 * How fast iterations arrive in an open-model scenario, as a rate that is any function of time.
 *
 * <p>Arrivals follow the schedule whatever the target does: iteration {@code k} is due at the
 * instant where the integral of the rate reaches {@code k}, and its response time is measured from
 * that instant, not from when it could start. That is what makes the open model free of
 * coordinated omission. The first iteration is due as soon as the rate is above zero, and
 * a constant rate {@code r} over {@code d} seconds schedules exactly {@code r * d} iterations.
 *
 * <p>Values are immutable and thread-safe.
 */
public final class ArrivalProfile {

    private final long durationNanos;
    private final double[] stageEndSeconds;
    private final double[] stageStartRates;
    private final double[] stageEndRates;
    private final DoubleUnaryOperator function;
    private final String description;

    private ArrivalProfile(long durationNanos, double[] ends, double[] from, double[] to,
                           DoubleUnaryOperator function, String description) {
        this.durationNanos = durationNanos;
        this.stageEndSeconds = ends;
        this.stageStartRates = from;
        this.stageEndRates = to;
        this.function = function;
        this.description = description;
    }

    /**
     * A constant rate.
     *
     * @param rate     the rate
     * @param duration how long, {@code > 0}
     * @return the profile
     */
    public static ArrivalProfile constant(ArrivalRate rate, Duration duration) {
        Checks.notNull("arrivals.constant", "rate", rate);
        Checks.positive("arrivals.constant", "duration", duration);
        return stages("constant " + rate + " for " + Checks.format(duration), rate,
                new RateStage[] {RateStage.hold(duration)});
    }

    /**
     * A rate moving linearly from one value to another.
     *
     * @param from     the rate at the start
     * @param to       the rate at the end
     * @param duration how long, {@code > 0}
     * @return the profile
     */
    public static ArrivalProfile ramp(ArrivalRate from, ArrivalRate to, Duration duration) {
        Checks.notNull("arrivals.ramp", "from", from);
        Checks.notNull("arrivals.ramp", "to", to);
        Checks.positive("arrivals.ramp", "duration", duration);
        return stages("ramp " + from + " to " + to + " over " + Checks.format(duration), from,
                new RateStage[] {RateStage.rampTo(to).over(duration)});
    }

    /**
     * Stages of rates, starting from {@code start}.
     *
     * @param start  the rate at the start of the run
     * @param stages the stages, at least one, lasting more than zero in total
     * @return the profile
     * @throws IllegalArgumentException if the list is empty, lasts zero, or never ends
     */
    public static ArrivalProfile stages(ArrivalRate start, RateStage... stages) {
        Checks.notNull("arrivals.stages", "start", start);
        Checks.notNull("arrivals.stages", "stages", stages);
        StringBuilder text = new StringBuilder("stages from " + start);
        for (RateStage s : stages) {
            if (s != null) {
                text.append(", ").append(s.rate() == null ? "hold" : "to " + s.rate())
                        .append(" over ").append(Checks.format(s.duration()));
            }
        }
        return stages(text.toString(), start, stages);
    }

    private static ArrivalProfile stages(String text, ArrivalRate start, RateStage[] stages) {
        if (stages.length == 0) {
            throw new IllegalArgumentException("arrivals.stages: must not be empty");
        }
        int n = stages.length;
        double[] ends = new double[n];
        double[] from = new double[n];
        double[] to = new double[n];
        Duration total = Duration.ZERO;
        double current = start.perSecond();
        for (int i = 0; i < n; i++) {
            RateStage s = Checks.notNull("arrivals.stages", "stage[" + i + "]", stages[i]);
            total = total.plus(s.duration());
            checkEnds(total);
            from[i] = current;
            to[i] = s.rate() == null ? current : s.rate().perSecond();
            ends[i] = total.toNanos() / 1e9;
            current = to[i];
        }
        if (total.isZero()) {
            throw new IllegalArgumentException("arrivals.stages: total duration must be > 0, was 0s");
        }
        return new ArrivalProfile(total.toNanos(), ends, from, to, null, text);
    }

    /**
     * A rate given as any function of the elapsed time in seconds. Negative or NaN values count
     * as 0. The scheduler samples the function every millisecond and interpolates linearly.
     *
     * @param duration  how long, {@code > 0}
     * @param perSecond arrivals per second at an elapsed time in seconds; keep it cheap and pure
     * @return the profile
     */
    public static ArrivalProfile of(Duration duration, DoubleUnaryOperator perSecond) {
        Checks.positive("arrivals.of", "duration", duration);
        Checks.notNull("arrivals.of", "perSecond", perSecond);
        checkEnds(duration);
        return new ArrivalProfile(duration.toNanos(), null, null, null, perSecond,
                "function over " + Checks.format(duration));
    }

    private static void checkEnds(Duration total) {
        if (total.compareTo(UsersProfile.LONGEST) > 0) {
            throw new IllegalArgumentException("arrivals: never ends: total duration must be at most "
                    + UsersProfile.LONGEST.toDays() + " days, was " + Checks.format(total));
        }
    }

    /**
     * Returns the rate at an elapsed time.
     *
     * @param elapsedNanos nanoseconds since the start of the run
     * @return arrivals per second, finite and {@code >= 0}; 0 after the end
     */
    public double ratePerSecondAt(long elapsedNanos) {
        if (elapsedNanos >= durationNanos || elapsedNanos < 0) {
            return 0;
        }
        double t = elapsedNanos / 1e9;
        if (function != null) {
            double r = function.applyAsDouble(t);
            return Double.isNaN(r) || r < 0 ? 0 : Math.min(r, 1e9);
        }
        double stageStart = 0;
        for (int i = 0; i < stageEndSeconds.length; i++) {
            if (t < stageEndSeconds[i]) {
                double f = (t - stageStart) / (stageEndSeconds[i] - stageStart);
                return stageStartRates[i] + (stageEndRates[i] - stageStartRates[i]) * f;
            }
            stageStart = stageEndSeconds[i];
        }
        return stageEndRates[stageEndRates.length - 1];
    }

    /** Returns how long arrivals go on. */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    @Override
    public String toString() {
        return description;
    }
}
