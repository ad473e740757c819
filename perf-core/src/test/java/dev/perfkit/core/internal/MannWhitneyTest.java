package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * Known values: each expected p-value is what {@code scipy.stats.mannwhitneyu(y, x,
 * method="asymptotic")} (scipy 1.17, continuity correction on) returns, and the statistic is
 * worked out by hand in the comments. The erfc fit is good to 1.2e-7 relative, hence the 1e-4 %
 * tolerance on p-values.
 */
class MannWhitneyTest {

    @Test
    void shouldMatchScipyWhenSamplesHaveNoTies() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

        MannWhitney.Result r = MannWhitney.test(x, y);

        // scipy: U of y = 23.0, p = 0.13291945818531892; y tends to be smaller, so z < 0
        assertThat(r.u()).isEqualTo(23.0);
        assertThat(r.pValue()).isCloseTo(0.13291945818531892, withPercentage(1e-4));
        assertThat(r.z()).isNegative();
    }

    @Test
    void shouldCorrectVarianceForTiesWhenValuesRepeat() {
        double[] x = {5, 5, 6, 6, 6, 7, 7, 8, 9, 10};
        double[] y = {6, 7, 7, 8, 8, 8, 9, 9, 10, 11, 12};

        MannWhitney.Result r = MannWhitney.test(x, y);

        // average ranks of y sum to 150.5, so U = 150.5 - 11*12/2 = 84.5; ties 2,4,4,4,3,2 give
        // sum(t^3 - t) = 216; var = 10*11/12 * (22 - 216/(21*20)) = 196.952; z = (84.5 - 55 - 0.5)/14.034
        // = 2.0664; scipy: p = 0.03878938506825584 (without the tie correction it would be 0.0397)
        assertThat(r.u()).isEqualTo(84.5);
        assertThat(r.z()).isCloseTo(2.0664, within(1e-4));
        assertThat(r.pValue()).isCloseTo(0.03878938506825584, withPercentage(1e-4));
    }

    @Test
    void shouldGiveSmallestPValueWhenSamplesDoNotOverlap() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

        MannWhitney.Result r = MannWhitney.test(x, y);

        // U = 100 = n*m, mean 50, var = 10*10*21/12 = 175, z = 49.5/13.229 = 3.7418;
        // scipy: p = 0.00018267179110955002
        assertThat(r.u()).isEqualTo(100.0);
        assertThat(r.pValue()).isCloseTo(0.00018267179110955002, withPercentage(1e-4));
        assertThat(MannWhitney.test(y, x).pValue()).isEqualTo(r.pValue());
        assertThat(MannWhitney.test(y, x).u()).isZero();
    }

    @Test
    void shouldFindNoDifferenceWhenEveryValueIsTied() {
        MannWhitney.Result r = MannWhitney.test(new double[] {5, 5, 5}, new double[] {5, 5, 5, 5});

        assertThat(r.u()).isEqualTo(6.0); // every pair counts one half: 3*4/2
        assertThat(r.z()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldRejectEmptySampleWhenTested() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("had 0 and 1");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void shouldMatchNormalTableWhenTailProbabilitiesAreComputed() {
        // scipy.stats.norm.sf
        assertThat(NormalDistribution.upperTail(0)).isCloseTo(0.5, withPercentage(1e-4));
        assertThat(NormalDistribution.upperTail(1)).isCloseTo(0.15865525393145707, withPercentage(1e-4));
        assertThat(NormalDistribution.upperTail(1.959963984540054)).isCloseTo(0.025, withPercentage(1e-4));
        assertThat(NormalDistribution.upperTail(5)).isCloseTo(2.866515718791933e-07, withPercentage(1e-4));
        assertThat(NormalDistribution.upperTail(8)).isCloseTo(6.22096057427174e-16, withPercentage(1e-4));
        assertThat(NormalDistribution.upperTail(-1)).isCloseTo(1 - 0.15865525393145707, within(1e-7));
        assertThat(NormalDistribution.twoSidedP(-1.959963984540054)).isCloseTo(0.05, withPercentage(1e-4));
    }
}
