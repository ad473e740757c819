package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UsersProfile} and {@link ArrivalProfile} as pure functions of the elapsed time, evaluated at
 * exact instants: no clock, no run.
 */
class ProfileTest {

    private static final long S = 1_000_000_000L;

    // ------------------------------------------------------------------ UsersProfile

    @ParameterizedTest(name = "{0} users over {1} s")
    @CsvSource({"100, 10", "7, 10", "3, 1", "50000, 3600"})
    void shouldStartUserKAtKTimesDurationOverNWhenRampingFromZero(int n, long seconds) {
        long d = seconds * S;
        UsersProfile profile = UsersProfile.rampHold(n, Duration.ofNanos(d), Duration.ofSeconds(1));

        assertThat(profile.usersAt(0)).isZero();
        for (int k = 1; k <= n; k++) {
            // user k starts at k*d/n, rounded up to the next whole nanosecond
            long start = Math.ceilDiv(k * d, n);
            assertThat(profile.usersAt(start)).as("users at the start of user %d", k).isEqualTo(k);
            assertThat(profile.usersAt(start - 1)).as("users just before user %d", k).isEqualTo(k - 1);
        }
        assertThat(profile.peakUsers()).isEqualTo(n);
        assertThat(profile.lastIncreaseEnd()).isEqualTo(Duration.ofNanos(d));
        assertThat(profile.duration()).isEqualTo(Duration.ofNanos(d + S));
    }

    @Test
    void shouldHoldAndThenKeepLastNumberWhenRampHoldEnds() {
        UsersProfile profile = UsersProfile.rampHold(10, Duration.ofSeconds(10), Duration.ofSeconds(5));

        assertThat(profile.usersAt(12 * S)).isEqualTo(10);
        assertThat(profile.usersAt(15 * S - 1)).isEqualTo(10);
        assertThat(profile.usersAt(15 * S)).isEqualTo(10);
        assertThat(profile.usersAt(3_600 * S)).isEqualTo(10);
        assertThat(profile.isOpenEnded()).isFalse();
        assertThat(profile).hasToString("10 users, ramp 10s, hold 5s");
    }

    @Test
    void shouldStartEveryoneAtOnceWhenRampIsZero() {
        UsersProfile profile = UsersProfile.rampHold(5, Duration.ZERO, Duration.ofSeconds(30));

        assertThat(profile.usersAt(0)).isEqualTo(5);
        assertThat(profile.lastIncreaseEnd()).isEqualTo(Duration.ZERO);
        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldBeOpenEndedAndEndAtRampWhenHoldIsNull() {
        UsersProfile profile = UsersProfile.rampHold(4, Duration.ofSeconds(8), null);

        assertThat(profile.isOpenEnded()).isTrue();
        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(profile.lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(8));
        assertThat(profile.usersAt(2 * S)).isEqualTo(1);
        assertThat(profile.usersAt(1_000 * S)).isEqualTo(4);
        assertThat(profile).hasToString("4 users, ramp 8s, hold until iteration limits");
    }

    @Test
    void shouldFollowEachStageLinearlyWhenStagesRampUpHoldAndRampDown() {
        UsersProfile profile = UsersProfile.stages(
                Stage.rampTo(10).over(Duration.ofSeconds(10)),
                Stage.hold(Duration.ofSeconds(5)),
                Stage.rampTo(4).over(Duration.ofSeconds(6)));

        assertThat(profile.usersAt(0)).isZero();
        assertThat(profile.usersAt(5 * S)).isEqualTo(5);
        assertThat(profile.usersAt(10 * S)).isEqualTo(10);
        assertThat(profile.usersAt(15 * S - 1)).isEqualTo(10);
        // ramp down 10 -> 4 over 6 s: one user less per second, rounded toward the stage's start value
        assertThat(profile.usersAt(15 * S)).isEqualTo(10);
        assertThat(profile.usersAt(16 * S - 1)).isEqualTo(10);
        assertThat(profile.usersAt(16 * S)).isEqualTo(9);
        assertThat(profile.usersAt(18 * S + S / 2)).isEqualTo(7);
        assertThat(profile.usersAt(21 * S - 1)).isEqualTo(5);
        assertThat(profile.usersAt(21 * S)).isEqualTo(4);
        assertThat(profile.usersAt(100 * S)).isEqualTo(4);
        assertThat(profile.peakUsers()).isEqualTo(10);
        assertThat(profile.lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(21));
        assertThat(profile.isOpenEnded()).isFalse();
        assertThat(profile).hasToString("stages to 10 over 10s, hold over 5s, to 4 over 6s");
    }

    @Test
    void shouldJumpAtOnceAndTakeLastRiseAsLastIncreaseEndWhenStageHasZeroDuration() {
        UsersProfile profile = UsersProfile.stages(
                Stage.rampTo(5).over(Duration.ZERO),
                Stage.hold(Duration.ofSeconds(10)),
                Stage.rampTo(20).over(Duration.ofSeconds(5)),
                Stage.rampTo(0).over(Duration.ofSeconds(5)));

        assertThat(profile.usersAt(0)).isEqualTo(5);
        assertThat(profile.usersAt(10 * S)).isEqualTo(5);
        assertThat(profile.usersAt(15 * S)).isEqualTo(20);
        assertThat(profile.usersAt(20 * S)).isZero();
        assertThat(profile.peakUsers()).isEqualTo(20);
        assertThat(profile.lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldEvaluateFunctionAndClampWhenProfileIsAFunction() {
        UsersProfile profile = UsersProfile.of(Duration.ofSeconds(10),
                t -> t.toSeconds() < 2 ? -3 : (int) t.toSeconds());

        assertThat(profile.usersAt(S)).isZero(); // negative counts as 0
        assertThat(profile.usersAt(3 * S + S / 2)).isEqualTo(3);
        assertThat(profile.usersAt(10 * S)).isEqualTo(10);
        assertThat(profile.usersAt(60 * S)).isEqualTo(10); // after the end: the value at the end
        assertThat(profile.peakUsers()).isEqualTo(10);
        assertThat(profile.lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile).hasToString("function over 10s, peak 10 users");
    }

    // ------------------------------------------------------------------ ArrivalProfile

    @Test
    void shouldKeepRateUntilEndAndReturnZeroOutsideWhenConstant() {
        ArrivalProfile profile = ArrivalProfile.constant(ArrivalRate.of(10).perSecond(), Duration.ofSeconds(10));

        assertThat(profile.ratePerSecondAt(0)).isEqualTo(10.0);
        assertThat(profile.ratePerSecondAt(5 * S)).isEqualTo(10.0);
        assertThat(profile.ratePerSecondAt(10 * S - 1)).isEqualTo(10.0);
        assertThat(profile.ratePerSecondAt(10 * S)).isZero();
        assertThat(profile.ratePerSecondAt(-1)).isZero();
        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile).hasToString("constant 10/s for 10s");
    }

    @Test
    void shouldMoveLinearlyWhenRamp() {
        ArrivalProfile profile = ArrivalProfile.ramp(ArrivalRate.of(0).perSecond(), ArrivalRate.of(100).perSecond(),
                Duration.ofSeconds(10));

        assertThat(profile.ratePerSecondAt(0)).isZero();
        assertThat(profile.ratePerSecondAt(S / 4)).isEqualTo(2.5);
        assertThat(profile.ratePerSecondAt(5 * S / 2)).isEqualTo(25.0);
        for (int k = 1; k < 10; k++) {
            assertThat(profile.ratePerSecondAt(k * S)).isCloseTo(10.0 * k, within(1e-9));
        }
        assertThat(profile.ratePerSecondAt(10 * S - 1)).isCloseTo(100.0, within(1e-6));
        assertThat(profile.ratePerSecondAt(10 * S)).isZero();
        assertThat(profile).hasToString("ramp 0/s to 100/s over 10s");
    }

    @Test
    void shouldChainRatesWhenStages() {
        ArrivalProfile profile = ArrivalProfile.stages(ArrivalRate.of(10).perSecond(),
                RateStage.rampTo(ArrivalRate.of(200).perSecond()).over(Duration.ofMinutes(1)),
                RateStage.hold(Duration.ofMinutes(5)),
                RateStage.rampTo(ArrivalRate.of(0).perSecond()).over(Duration.ofSeconds(30)));

        assertThat(profile.ratePerSecondAt(0)).isEqualTo(10.0);
        assertThat(profile.ratePerSecondAt(30 * S)).isCloseTo(105.0, within(1e-9));
        assertThat(profile.ratePerSecondAt(60 * S)).isEqualTo(200.0);
        assertThat(profile.ratePerSecondAt(200 * S)).isEqualTo(200.0);
        assertThat(profile.ratePerSecondAt(360 * S - 1)).isEqualTo(200.0);
        assertThat(profile.ratePerSecondAt(375 * S)).isCloseTo(100.0, within(1e-9));
        assertThat(profile.ratePerSecondAt(390 * S)).isZero();
        assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(390));
        assertThat(profile).hasToString("stages from 10/s, to 200/s over 1m, hold over 5m, to 0/s over 30s");
    }

    @Test
    void shouldEvaluateFunctionAndCountNegativeOrNaNAsZeroWhenProfileIsAFunction() {
        ArrivalProfile sinus = ArrivalProfile.of(Duration.ofSeconds(10), t -> 5 + 5 * Math.sin(t));
        ArrivalProfile odd = ArrivalProfile.of(Duration.ofSeconds(10),
                t -> t < 1 ? -4 : t < 2 ? Double.NaN : t < 3 ? 1e12 : 7);

        assertThat(sinus.ratePerSecondAt(3 * S / 2)).isEqualTo(5 + 5 * Math.sin(1.5));
        assertThat(sinus.ratePerSecondAt(10 * S)).isZero();
        assertThat(odd.ratePerSecondAt(S / 2)).isZero();
        assertThat(odd.ratePerSecondAt(3 * S / 2)).isZero();
        assertThat(odd.ratePerSecondAt(5 * S / 2)).isEqualTo(1e9); // capped
        assertThat(odd.ratePerSecondAt(4 * S)).isEqualTo(7.0);
        assertThat(sinus).hasToString("function over 10s");
    }

    // ------------------------------------------------------------------ ArrivalRate

    @Test
    void shouldConvertToPerSecondWhenRateIsPerMinute() {
        ArrivalRate rate = ArrivalRate.of(120).perMinute();

        assertThat(rate.perSecond()).isEqualTo(2.0);
        assertThat(rate).isEqualTo(ArrivalRate.of(2).perSecond()).hasToString("2/s");
        assertThat(ArrivalRate.of(1).perMinute().perSecond()).isEqualTo(1 / 60.0);
        assertThat(ArrivalRate.of(2.5).perSecond()).hasToString("2.5/s");
    }

    // ------------------------------------------------------------------ rejected input

    static Stream<Arguments> invalidInput() {
        return Stream.of(
                Arguments.of("ArrivalRate.of(NaN)", (ThrowingCallable) () -> ArrivalRate.of(Double.NaN),
                        "arrivalRate.of: count must be a finite number >= 0, was NaN"),
                Arguments.of("ArrivalRate.of(-1)", (ThrowingCallable) () -> ArrivalRate.of(-1),
                        "arrivalRate.of: count must be a finite number >= 0, was -1.0"),
                Arguments.of("ArrivalRate.of(+inf)", (ThrowingCallable) () -> ArrivalRate.of(Double.POSITIVE_INFINITY),
                        "arrivalRate.of: count must be a finite number >= 0, was Infinity"),
                Arguments.of("ArrivalRate.of(-inf)", (ThrowingCallable) () -> ArrivalRate.of(Double.NEGATIVE_INFINITY),
                        "arrivalRate.of: count must be a finite number >= 0, was -Infinity"),
                Arguments.of("new ArrivalRate(NaN)", (ThrowingCallable) () -> new ArrivalRate(Double.NaN),
                        "arrivalRate: perSecond must be a finite number >= 0, was NaN"),
                Arguments.of("new ArrivalRate(-0.5)", (ThrowingCallable) () -> new ArrivalRate(-0.5),
                        "arrivalRate: perSecond must be a finite number >= 0, was -0.5"),
                Arguments.of("ArrivalProfile.constant(.., 0)",
                        (ThrowingCallable) () -> ArrivalProfile.constant(ArrivalRate.of(1).perSecond(), Duration.ZERO),
                        "arrivals.constant: duration must be > 0, was 0s"),
                Arguments.of("ArrivalProfile.ramp(.., -1s)",
                        (ThrowingCallable) () -> ArrivalProfile.ramp(ArrivalRate.of(1).perSecond(),
                                ArrivalRate.of(2).perSecond(), Duration.ofSeconds(-1)),
                        "arrivals.ramp: duration must be > 0, was -1s"),
                Arguments.of("ArrivalProfile.stages() empty",
                        (ThrowingCallable) () -> ArrivalProfile.stages(ArrivalRate.of(1).perSecond()),
                        "arrivals.stages: must not be empty"),
                Arguments.of("ArrivalProfile.stages() of zero duration",
                        (ThrowingCallable) () -> ArrivalProfile.stages(ArrivalRate.of(1).perSecond(),
                                RateStage.hold(Duration.ZERO)),
                        "arrivals.stages: total duration must be > 0, was 0s"),
                Arguments.of("ArrivalProfile.stages() that never end",
                        (ThrowingCallable) () -> ArrivalProfile.stages(ArrivalRate.of(1).perSecond(),
                                RateStage.hold(Duration.ofDays(400))),
                        "arrivals: never ends: total duration must be at most 365 days, was 9600h"),
                Arguments.of("ArrivalProfile.of(0, ..)",
                        (ThrowingCallable) () -> ArrivalProfile.of(Duration.ZERO, t -> 1),
                        "arrivals.of: duration must be > 0, was 0s"),
                Arguments.of("RateStage over -1s",
                        (ThrowingCallable) () -> RateStage.rampTo(ArrivalRate.of(5).perSecond()).over(Duration.ofSeconds(-1)),
                        "rateStage.rampTo(5/s).over: duration must be >= 0, was -1s"),
                Arguments.of("Stage.rampTo(-1)", (ThrowingCallable) () -> Stage.rampTo(-1),
                        "stage.rampTo: users must be >= 0, was -1"),
                Arguments.of("Stage over -1s", (ThrowingCallable) () -> Stage.rampTo(5).over(Duration.ofSeconds(-1)),
                        "stage.rampTo(5).over: duration must be >= 0, was -1s"),
                Arguments.of("Stage.hold(-1s)", (ThrowingCallable) () -> Stage.hold(Duration.ofSeconds(-1)),
                        "stage.hold: duration must be >= 0, was -1s"),
                Arguments.of("UsersProfile.rampHold(0, ..)",
                        (ThrowingCallable) () -> UsersProfile.rampHold(0, Duration.ZERO, Duration.ofSeconds(1)),
                        "usersProfile.rampHold: users must be > 0, was 0"),
                Arguments.of("UsersProfile.rampHold(.., hold -1s)",
                        (ThrowingCallable) () -> UsersProfile.rampHold(1, Duration.ZERO, Duration.ofSeconds(-1)),
                        "usersProfile.rampHold: hold must be >= 0, was -1s"),
                Arguments.of("UsersProfile.of(0, ..)", (ThrowingCallable) () -> UsersProfile.of(Duration.ZERO, t -> 1),
                        "usersProfile: duration must be > 0, was 0s"),
                Arguments.of("UsersProfile.of(.., never a user)",
                        (ThrowingCallable) () -> UsersProfile.of(Duration.ofSeconds(10), t -> 0),
                        "usersProfile: the function never asks for a user over 10s"),
                Arguments.of("UsersProfile.of(400 days, ..)",
                        (ThrowingCallable) () -> UsersProfile.of(Duration.ofDays(400), t -> 1),
                        "usersProfile: never ends: total duration must be at most 365 days, was 9600h"),
                Arguments.of("UsersProfile.stages() of zero duration",
                        (ThrowingCallable) () -> UsersProfile.stages(Stage.rampTo(3).over(Duration.ZERO)),
                        "stages: total duration must be > 0, was 0s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInput")
    void shouldRejectWithMessageWhenRateOrProfileIsInvalid(String call, ThrowingCallable callable, String message) {
        assertThatIllegalArgumentException().isThrownBy(callable).withMessage(message);
    }
}
