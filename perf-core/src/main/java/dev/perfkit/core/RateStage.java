package dev.perfkit.core;

import java.time.Duration;

/**
 * One step of an open-model arrival profile: move the rate linearly to a target over a duration.
 *
 * <pre>{@code
 * ArrivalProfile.stages(ArrivalRate.of(10).perSecond(),
 *     RateStage.rampTo(ArrivalRate.of(200).perSecond()).over(Duration.ofMinutes(1)),
 *     RateStage.hold(Duration.ofMinutes(5)));
 * }</pre>
 *
 * @param rate     the rate at the end of the stage, or null to keep the previous rate
 * @param duration how long the stage lasts
 */
public record RateStage(ArrivalRate rate, Duration duration) {

    /** Validates the components. */
    public RateStage {
        Checks.nonNegative("rateStage", "duration", duration);
    }

    /**
     * Starts a stage that moves to {@code rate}.
     *
     * @param rate the rate at the end of the stage
     * @return the incomplete stage; complete it with {@link Target#over(Duration)}
     */
    public static Target rampTo(ArrivalRate rate) {
        return new Target(Checks.notNull("rateStage.rampTo", "rate", rate));
    }

    /**
     * Returns a stage that keeps the previous rate.
     *
     * @param duration how long to hold, {@code >= 0}
     * @return the stage
     */
    public static RateStage hold(Duration duration) {
        return new RateStage(null, Checks.nonNegative("rateStage.hold", "duration", duration));
    }

    /**
     * The first half of {@code rampTo(rate).over(d)}.
     *
     * @param rate the rate at the end of the stage
     */
    public record Target(ArrivalRate rate) {

        /**
         * Completes the stage.
         *
         * @param duration how long the ramp lasts, {@code >= 0}; zero jumps at once
         * @return the stage
         */
        public RateStage over(Duration duration) {
            return new RateStage(rate, Checks.nonNegative("rateStage.rampTo(" + rate + ").over", "duration", duration));
        }
    }
}
