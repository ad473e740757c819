package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * Known values: z by hand, p from {@code 2 * scipy.stats.norm.sf(abs(z))}, which is what
 * {@code statsmodels.stats.proportion.proportions_ztest} returns for the same counts.
 */
class TwoProportionsTest {

    @Test
    void shouldMatchHandComputationWhenErrorRateDoubles() {
        // 3 % -> 6 % of 1000: pooled 0.045, se = sqrt(0.045*0.955*0.002) = 0.0092710, z = 0.03/0.0092710 = 3.23592
        TwoProportions.Result r = TwoProportions.test(30, 1_000, 60, 1_000);

        assertThat(r.z()).isCloseTo(3.2359240084528675, within(1e-9));
        assertThat(r.pValue()).isCloseTo(0.0012124965861542163, withPercentage(1e-4));
    }

    @Test
    void shouldNotBeSignificantWhenCountsAreSmallAndClose() {
        // 5 % -> 6 % of 200: z = 0.43863, p = 0.66093
        TwoProportions.Result r = TwoProportions.test(10, 200, 12, 200);

        assertThat(r.z()).isCloseTo(0.4386344633065124, within(1e-9));
        assertThat(r.pValue()).isCloseTo(0.6609264211316126, withPercentage(1e-4));
        assertThat(TwoProportions.test(12, 200, 10, 200).z()).isNegative();
    }

    @Test
    void shouldGivePValueOneWhenNeitherRunHasEvents() {
        assertThat(TwoProportions.test(0, 500, 0, 700)).isEqualTo(new TwoProportions.Result(0, 1));
        assertThat(TwoProportions.test(5, 5, 9, 9)).isEqualTo(new TwoProportions.Result(0, 1));
    }

    @Test
    void shouldRejectCountsOutOfRangeWhenTested() {
        assertThatThrownBy(() -> TwoProportions.test(3, 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 3/2 and 0/1");
        assertThatThrownBy(() -> TwoProportions.test(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
