package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearFitTest {

    @Test
    void shouldFindSlopeAndInterceptWhenPointsLieOnALine() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3, 4}, new double[] {1, 3, 5, 7, 9}, 0.95);

        assertThat(fit.slope()).isCloseTo(2, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(1, within(1e-12));
        assertThat(fit.slopeLow()).isCloseTo(2, within(1e-9));
        assertThat(fit.slopeHigh()).isCloseTo(2, within(1e-9));
        assertThat(fit.at(10)).isCloseTo(21, within(1e-9));
        assertThat(fit.risingWithConfidence()).isTrue();
    }

    @Test
    void shouldMatchTextbookIntervalWhenPointsScatter() {
        // y = 1, 2, 2, 4, 4 at x = 1..5: slope 0.8, residuals 0, .2, -.6, .6, -.2 so SE sqrt(0.8 / 3 / 10); t(0.975, 3) = 3.182446
        LinearFit fit = LinearFit.of(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 2, 4, 4}, 0.95);

        double halfWidth = 3.182446 * Math.sqrt(0.8 / 3 / 10);
        assertThat(fit.slope()).isCloseTo(0.8, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(0.2, within(1e-12));
        assertThat(fit.slopeLow()).isCloseTo(0.8 - halfWidth, within(1e-6));
        assertThat(fit.slopeHigh()).isCloseTo(0.8 + halfWidth, within(1e-6));
    }

    @Test
    void shouldNotClaimARiseWhenPointsAreNoiseAroundAFlatLine() {
        // 200 seeded trials of 30 points of pure noise: a 95 % interval excludes 0 from below in about
        // 2.5 % of them (5 expected); allowing up to 15 keeps the test far from chance failures
        // (P(X >= 16) for Binomial(200, 0.025) is below 1e-4) while still catching a broken interval.
        SplittableRandom random = new SplittableRandom(7);
        int claimed = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] x = new double[30];
            double[] y = new double[30];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
                y[i] = 100 + random.nextGaussian();
            }
            if (LinearFit.of(x, y, 0.95).risingWithConfidence()) {
                claimed++;
            }
        }
        assertThat(claimed).isBetween(0, 15);
    }

    @Test
    void shouldRejectTooFewOrDegeneratePointsWhenFitted() {
        assertThatIllegalArgumentException().isThrownBy(() -> LinearFit.of(new double[] {1, 2}, new double[] {1, 2}, 0.95))
                .withMessage("linearFit: points must be >= 3, was 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LinearFit.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}, 0.95))
                .withMessage("linearFit: x values must not all be equal, were all 1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LinearFit.of(new double[] {1, 2, 3}, new double[] {1, 2}, 0.95))
                .withMessage("linearFit: x and y must have the same length, were 3 and 2");
    }
}
