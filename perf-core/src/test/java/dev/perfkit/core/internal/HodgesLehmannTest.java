package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HodgesLehmannTest {

    @Test
    void shouldReturnMedianOfPairwiseDifferencesWhenComputedByHand() {
        // y - x for x = 1,2,3 and y = 2,4,6,8: -1 0 1 1 2 3 3 4 5 5 6 7; the middle two are 3 and 3
        assertThat(HodgesLehmann.shift(new double[] {1, 2, 3}, new double[] {2, 4, 6, 8})).isEqualTo(3.0);
        // odd count: x = 0, y = 1, 5, 6: differences 1 5 6, median 5
        assertThat(HodgesLehmann.shift(new double[] {0}, new double[] {6, 1, 5})).isEqualTo(5.0);
    }

    @Test
    void shouldRecoverConstantShiftWhenOneSampleIsTheOtherMoved() {
        SplittableRandom random = new SplittableRandom(1);
        double[] x = random.doubles(300, 4.0, 6.0).toArray();
        double[] y = Arrays.stream(x).map(v -> v + 1.25).toArray();

        assertThat(HodgesLehmann.shift(x, y)).isCloseTo(1.25, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void shouldEqualBruteForceWhenDifferencesAreTooManyToGather() {
        // 400 x 500 = 200,000 differences: far beyond the 4,096 gathered directly, so the bisection runs
        SplittableRandom random = new SplittableRandom(7);
        double[] x = random.doubles(400, 0, 1_000).toArray();
        double[] y = random.doubles(500, 100, 1_200).toArray();
        double[] xs = random.doubles(400).map(v -> Math.round(v * 20)).toArray(); // 21 distinct values: ties
        double[] ys = random.doubles(501).map(v -> Math.round(v * 20) + 3).toArray();

        assertThat(HodgesLehmann.shift(x, y)).isEqualTo(bruteForce(x, y));
        assertThat(HodgesLehmann.shift(xs, ys)).isEqualTo(bruteForce(xs, ys));
    }

    @Test
    void shouldReturnMiddleValueWhenMedianOfSampleIsTaken() {
        assertThat(HodgesLehmann.median(new double[] {3, 1, 2})).isEqualTo(2.0);
        assertThat(HodgesLehmann.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void shouldRejectEmptyOrNonFiniteSampleWhenShiftIsAsked() {
        assertThatThrownBy(() -> HodgesLehmann.shift(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must hold values");
        assertThatThrownBy(() -> HodgesLehmann.shift(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y must hold finite values");
        assertThatThrownBy(() -> HodgesLehmann.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static double bruteForce(double[] x, double[] y) {
        double[] all = new double[x.length * y.length];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                all[k++] = b - a;
            }
        }
        Arrays.sort(all);
        int half = all.length / 2;
        return all.length % 2 == 1 ? all[half] : (all[half - 1] + all[half]) / 2;
    }
}
