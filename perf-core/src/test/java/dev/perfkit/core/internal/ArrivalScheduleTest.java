package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.RateStage;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The due times of open-model arrivals, checked against the inverse of the integral of the rate:
 * arrival {@code k} (from 0) is due where the integral reaches {@code k}. A pure function of the
 * profile, so no clock is involved.
 */
class ArrivalScheduleTest {

    private static final long S = 1_000_000_000L;
    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;

    @Test
    void shouldScheduleExactlyRateTimesDurationArrivalsWhenRateIsConstant() {
        long[] due = drain(constant(5_000, Duration.ofSeconds(10)));

        assertThat(due).hasSize(50_000);
    }

    @Test
    void shouldScheduleArrivalKAtKOverRateWhenRateIsConstant() {
        long[] due = drain(constant(5_000, Duration.ofSeconds(10)));

        for (int k = 0; k < Math.min(due.length, 50_000); k++) {
            long expected = k * S / 5_000;
            assertThat(due[k]).as("due time of arrival %d", k).isCloseTo(expected, within(MICROSECOND));
        }
        assertStrictlyIncreasing(due);
        assertThat(due[0]).isZero();
        assertThat(due[due.length - 1]).isLessThan(10 * S);
    }

    @Test
    void shouldScheduleArrivalKAtInverseOfIntegralWhenRateRampsLinearly() {
        // rate 10 t per second, integral 5 t^2: arrival k is due at sqrt(2k / 10) s; 500 in all
        long[] due = drain(ArrivalProfile.ramp(rate(0), rate(100), Duration.ofSeconds(10)));

        assertThat(due.length).isBetween(499, 501);
        for (int k = 0; k < due.length; k++) {
            double expectedSeconds = Math.sqrt(2.0 * k / 10);
            assertThat(due[k]).as("due time of arrival %d", k)
                    .isCloseTo(Math.round(expectedSeconds * S), within(MILLISECOND));
        }
        assertNonDecreasing(due);
    }

    @Test
    void shouldAddUpStagesWhenRampHoldAndRampDown() {
        ArrivalProfile profile = ArrivalProfile.stages(rate(0),
                RateStage.rampTo(rate(100)).over(Duration.ofSeconds(10)),
                RateStage.hold(Duration.ofSeconds(10)),
                RateStage.rampTo(rate(0)).over(Duration.ofSeconds(10)));
        // integral: 500 over the ramp up, 1,000 over the hold, 500 over the ramp down
        DoubleUnaryOperator integral = t -> t <= 10 ? 5 * t * t
                : t <= 20 ? 500 + 100 * (t - 10)
                : 1_500 + 100 * (t - 20) - 5 * (t - 20) * (t - 20);

        long[] due = drain(profile);

        assertThat(due.length).isBetween(1_999, 2_001);
        assertThat(countBetween(due, 0, 10 * S)).isBetween(499L, 501L);
        assertThat(countBetween(due, 10 * S, 20 * S)).isBetween(999L, 1_001L);
        assertThat(countBetween(due, 20 * S, 30 * S)).isBetween(499L, 501L);
        for (int k = 0; k < due.length; k++) {
            // the integral at each due time is the arrival's number; 0.1 arrival is 1 ms at the
            // lowest rate met after the first millisecond
            assertThat(integral.applyAsDouble(due[k] / 1e9)).as("integral at the due time of arrival %d", k)
                    .isCloseTo(k, within(0.1));
        }
        for (int k = 500; k < 1_500; k++) {
            // in the hold: exactly 100/s, arrival k is due at 10 s + (k - 500) / 100 s
            assertThat(due[k]).isCloseTo(10 * S + (k - 500) * S / 100, within(MICROSECOND));
        }
        assertNonDecreasing(due);
    }

    @Test
    void shouldMatchIntegralWithinOneArrivalWhenProfileIsASinusoid() {
        // rate 50 + 40 sin(pi t / 2), integral 50 t + (80 / pi) (1 - cos(pi t / 2)): 550.93 over 10 s
        ArrivalProfile profile = ArrivalProfile.of(Duration.ofSeconds(10), t -> 50 + 40 * Math.sin(Math.PI * t / 2));
        DoubleUnaryOperator integral = t -> 50 * t + 80 / Math.PI * (1 - Math.cos(Math.PI * t / 2));

        long[] due = drain(profile);

        assertThat((double) due.length).isCloseTo(integral.applyAsDouble(10), within(1.0));
        for (int second = 1; second <= 10; second++) {
            assertThat((double) countBetween(due, 0, second * S)).as("arrivals in the first %d s", second)
                    .isCloseTo(integral.applyAsDouble(second), within(1.0));
        }
        for (int k = 0; k < due.length; k++) {
            // sampled every millisecond and interpolated linearly: the trapezoid error over 10 s is
            // about 1e-4 arrival, so a thousandth of an arrival is an honest bound
            assertThat(integral.applyAsDouble(due[k] / 1e9)).as("integral at the due time of arrival %d", k)
                    .isCloseTo(k, within(1e-3));
        }
        assertNonDecreasing(due);
    }

    @Test
    void shouldScheduleNoArrivalAtAllWhenRateIsZero() {
        // What the code does: the first arrival is due as soon as the rate is above zero, so a rate
        // of zero throughout schedules none, not even one at t = 0.
        ArrivalSchedule schedule = new ArrivalSchedule(constant(0, Duration.ofSeconds(10)));

        assertThat(schedule.next()).isEqualTo(-1);
    }

    @Test
    void shouldStartArrivalsWhenRateRisesAboveZeroAfterZeroStage() {
        ArrivalProfile profile = ArrivalProfile.stages(rate(0),
                RateStage.hold(Duration.ofSeconds(2)),
                RateStage.rampTo(rate(100)).over(Duration.ofSeconds(1)));
        // integral after 2 s: 50 (t - 2)^2; arrival k at 2 s + sqrt(k / 50) s

        long[] due = drain(profile);

        assertThat(due.length).isBetween(49, 51);
        assertThat(due[0]).isBetween(2 * S, 2 * S + MILLISECOND);
        for (int k = 1; k < due.length; k++) {
            assertThat(due[k]).isCloseTo(2 * S + Math.round(Math.sqrt(k / 50.0) * S), within(MILLISECOND));
        }
    }

    @Test
    void shouldReturnMinusOneForeverWhenProfileHasEnded() {
        ArrivalSchedule schedule = new ArrivalSchedule(constant(1_000, Duration.ofMillis(3)));

        long[] due = {schedule.next(), schedule.next(), schedule.next()};

        assertThat(due).containsExactly(0, MILLISECOND, 2 * MILLISECOND);
        assertThat(schedule.next()).isEqualTo(-1);
        assertThat(schedule.next()).isEqualTo(-1);
    }

    private static ArrivalRate rate(double perSecond) {
        return ArrivalRate.of(perSecond).perSecond();
    }

    private static ArrivalProfile constant(double perSecond, Duration duration) {
        return ArrivalProfile.constant(rate(perSecond), duration);
    }

    private static long[] drain(ArrivalProfile profile) {
        ArrivalSchedule schedule = new ArrivalSchedule(profile);
        long[] due = new long[1024];
        int n = 0;
        for (long t = schedule.next(); t >= 0; t = schedule.next()) {
            if (n == due.length) {
                due = Arrays.copyOf(due, n * 2);
            }
            due[n++] = t;
        }
        return Arrays.copyOf(due, n);
    }

    private static long countBetween(long[] due, long fromInclusive, long toExclusive) {
        return Arrays.stream(due).filter(t -> t >= fromInclusive && t < toExclusive).count();
    }

    private static void assertStrictlyIncreasing(long[] due) {
        for (int k = 1; k < due.length; k++) {
            assertThat(due[k]).as("arrival %d after arrival %d", k, k - 1).isGreaterThan(due[k - 1]);
        }
    }

    private static void assertNonDecreasing(long[] due) {
        for (int k = 1; k < due.length; k++) {
            assertThat(due[k]).as("arrival %d not before arrival %d", k, k - 1).isGreaterThanOrEqualTo(due[k - 1]);
        }
    }
}
