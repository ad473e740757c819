package dev.perfkit.core;

/**
 * A rate of iteration arrivals for the open model.
 *
 * <p>{@code ArrivalRate.of(200)} alone does not say per what, so it returns a {@link Count} that
 * {@link Count#perSecond()} or {@link Count#perMinute()} completes:
 * <pre>{@code ArrivalRate rate = ArrivalRate.of(200).perSecond();}</pre>
 *
 * @param perSecond arrivals per second, finite and {@code >= 0}
 */
public record ArrivalRate(double perSecond) {

    /** Validates the rate. */
    public ArrivalRate {
        Checks.nonNegativeFinite("arrivalRate", "perSecond", perSecond);
    }

    /**
     * Starts a rate of {@code count} arrivals per unit of time.
     *
     * @param count the number of arrivals, finite and {@code >= 0}
     * @return the incomplete rate
     * @throws IllegalArgumentException if {@code count} is NaN, infinite or negative
     */
    public static Count of(double count) {
        return new Count(Checks.nonNegativeFinite("arrivalRate.of", "count", count));
    }

    @Override
    public String toString() {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
    }

    /**
     * The first half of {@code ArrivalRate.of(n).perSecond()}.
     *
     * @param count the number of arrivals
     */
    public record Count(double count) {

        /** Returns {@code count} arrivals per second. */
        public ArrivalRate perSecond() {
            return new ArrivalRate(count);
        }

        /** Returns {@code count} arrivals per minute. */
        public ArrivalRate perMinute() {
            return new ArrivalRate(count / 60.0);
        }
    }
}
