package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distributions of {@link ThinkTime}, checked statistically with fixed seeds and honest bounds:
 * a check that fails points at a real defect, not at bad luck, because the seeds are fixed and each
 * bound is wide enough that a correct generator passes it with overwhelming probability.
 */
class ThinkTimeTest {

    private static final int N = 100_000;
    private static final long SEED = 20_240_601L;

    @Test
    void shouldPauseExactlyThePauseWhenConstant() {
        ThinkTime think = ThinkTime.constant(Duration.ofMillis(250));
        SplittableRandom random = new SplittableRandom(SEED);

        for (int i = 0; i < 1_000; i++) {
            assertThat(think.pauseNanos(random)).isEqualTo(250_000_000L);
        }
        assertThat(ThinkTime.constant(Duration.ZERO).pauseNanos(random)).isZero();
        assertThat(think).hasToString("constant 250ms");
    }

    @Test
    void shouldStayWithinBoundsAndMatchMeanAndVarianceWhenUniform() {
        long min = 100_000_000L;
        long max = 300_000_000L;
        long[] pauses = draw(ThinkTime.uniform(Duration.ofNanos(min), Duration.ofNanos(max)), SEED);

        assertThat(Arrays.stream(pauses).min().orElseThrow()).isGreaterThanOrEqualTo(min);
        assertThat(Arrays.stream(pauses).max().orElseThrow()).isLessThanOrEqualTo(max);

        double width = max - min;
        double mean = Arrays.stream(pauses).average().orElseThrow();
        double variance = Arrays.stream(pauses).mapToDouble(p -> (p - mean) * (p - mean)).sum() / (N - 1);
        // Uniform over [min, max]: mean (min+max)/2, variance w^2/12 (the discrete correction
        // 1/12 is negligible at nanosecond resolution).
        double expectedMean = (min + max) / 2.0;
        double expectedVariance = width * width / 12;
        // Standard error of the mean: sigma/sqrt(n). Of the sample variance: sqrt((mu4 - sigma^4)/n)
        // with mu4 = w^4/80 for a uniform, hence w^2/sqrt(180 n).
        double meanError = Math.sqrt(expectedVariance / N);
        double varianceError = width * width / Math.sqrt(180.0 * N);
        assertThat(mean).isCloseTo(expectedMean, within(4 * meanError));
        assertThat(variance).isCloseTo(expectedVariance, within(4 * varianceError));
    }

    @Test
    void shouldPassChiSquareOverTenEqualBinsWhenUniform() {
        long min = 100_000_000L;
        long max = 300_000_000L;
        long[] pauses = draw(ThinkTime.uniform(Duration.ofNanos(min), Duration.ofNanos(max)), SEED + 1);

        int bins = 10;
        long[] observed = new long[bins];
        for (long p : pauses) {
            // max - min + 1 values in all; each bin holds the same number of them up to one value
            observed[(int) ((p - min) * bins / (max - min + 1))]++;
        }
        double expected = (double) N / bins;
        double chiSquare = 0;
        for (long o : observed) {
            chiSquare += (o - expected) * (o - expected) / expected;
        }
        // Chi-square with 9 degrees of freedom, upper 0.001 critical value from the table: 27.877.
        assertThat(chiSquare).isLessThan(27.877);
    }

    @Test
    void shouldReturnTheBoundWhenUniformMinEqualsMax() {
        ThinkTime think = ThinkTime.uniform(Duration.ofMillis(5), Duration.ofMillis(5));

        assertThat(think.pauseNanos(new SplittableRandom(SEED))).isEqualTo(5_000_000L);
        assertThat(think).hasToString("uniform 5ms..5ms");
    }

    @Test
    void shouldMatchMeanWhenExponential() {
        long meanNanos = 200_000_000L;
        long[] pauses = draw(ThinkTime.exponential(Duration.ofNanos(meanNanos)), SEED);

        assertThat(Arrays.stream(pauses).min().orElseThrow()).isNotNegative();
        double mean = Arrays.stream(pauses).average().orElseThrow();
        // The standard deviation of an exponential equals its mean: standard error mean/sqrt(n).
        assertThat(mean).isCloseTo(meanNanos, within(4 * meanNanos / Math.sqrt(N)));
    }

    @Test
    void shouldFitExponentialDistributionWhenKolmogorovSmirnovIsComputed() {
        double meanNanos = 200_000_000.0;
        long[] pauses = draw(ThinkTime.exponential(Duration.ofNanos((long) meanNanos)), SEED + 2);
        Arrays.sort(pauses);

        double d = 0;
        for (int i = 0; i < N; i++) {
            double cdf = 1 - Math.exp(-pauses[i] / meanNanos);
            d = Math.max(d, Math.max((i + 1.0) / N - cdf, cdf - (double) i / N));
        }
        // Kolmogorov-Smirnov, large n: the 1% critical value of D is 1.63 / sqrt(n).
        assertThat(d).isLessThan(1.63 / Math.sqrt(N));
    }

    @Test
    void shouldDrawTheSameSequenceWhenSeedIsTheSame() {
        ThinkTime think = ThinkTime.exponential(Duration.ofSeconds(1));

        assertThat(draw(think, 7)).containsExactly(draw(think, 7));
        assertThat(draw(think, 7)).isNotEqualTo(draw(think, 8));
    }

    @Test
    void shouldReturnZeroWhenPacingOrNone() {
        SplittableRandom random = new SplittableRandom(SEED);

        assertThat(ThinkTime.pacing(Duration.ofSeconds(3)).pauseNanos(random)).isZero();
        assertThat(ThinkTime.none().pauseNanos(random)).isZero();
        assertThat(ThinkTime.none()).isSameAs(ThinkTime.None.INSTANCE).hasToString("none");
        assertThat(ThinkTime.pacing(Duration.ofSeconds(3))).hasToString("pacing 3s");
    }

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                Arguments.of("constant(-1ms)", (ThrowingCallable) () -> ThinkTime.constant(Duration.ofMillis(-1)),
                        "thinkTime.constant: pause must be >= 0, was -1ms"),
                Arguments.of("uniform(-1ms, 1s)",
                        (ThrowingCallable) () -> ThinkTime.uniform(Duration.ofMillis(-1), Duration.ofSeconds(1)),
                        "thinkTime.uniform: min must be >= 0, was -1ms"),
                Arguments.of("uniform(0, -2s)",
                        (ThrowingCallable) () -> ThinkTime.uniform(Duration.ZERO, Duration.ofSeconds(-2)),
                        "thinkTime.uniform: max must be >= 0, was -2s"),
                Arguments.of("uniform(200ms, 100ms)",
                        (ThrowingCallable) () -> ThinkTime.uniform(Duration.ofMillis(200), Duration.ofMillis(100)),
                        "thinkTime.uniform: max must be >= min, was max 100ms < min 200ms"),
                Arguments.of("exponential(0)", (ThrowingCallable) () -> ThinkTime.exponential(Duration.ZERO),
                        "thinkTime.exponential: mean must be > 0, was 0s"),
                Arguments.of("exponential(-1s)",
                        (ThrowingCallable) () -> ThinkTime.exponential(Duration.ofSeconds(-1)),
                        "thinkTime.exponential: mean must be > 0, was -1s"),
                Arguments.of("pacing(0)", (ThrowingCallable) () -> ThinkTime.pacing(Duration.ZERO),
                        "thinkTime.pacing: interval must be > 0, was 0s"),
                Arguments.of("pacing(-500ms)", (ThrowingCallable) () -> ThinkTime.pacing(Duration.ofMillis(-500)),
                        "thinkTime.pacing: interval must be > 0, was -500ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void shouldRejectWithMessageWhenParameterIsInvalid(String call, ThrowingCallable callable, String message) {
        assertThatIllegalArgumentException().isThrownBy(callable).withMessage(message);
    }

    @Test
    void shouldNameTheFieldWhenParameterIsNull() {
        assertThatNullPointerException().isThrownBy(() -> ThinkTime.constant(null))
                .withMessage("thinkTime.constant: pause must not be null");
        assertThatNullPointerException().isThrownBy(() -> ThinkTime.uniform(Duration.ZERO, null))
                .withMessage("thinkTime.uniform: max must not be null");
    }

    private static long[] draw(ThinkTime think, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] pauses = new long[N];
        for (int i = 0; i < N; i++) {
            pauses[i] = think.pauseNanos(random);
        }
        return pauses;
    }
}
