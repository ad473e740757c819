package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegressionPolicyTest {

    @Test
    void shouldUseNamedDefaultsWhenNothingIsSet() {
        RegressionPolicy p = RegressionPolicy.defaults();

        assertThat(p.significance()).isEqualTo(RegressionPolicy.DEFAULT_SIGNIFICANCE).isEqualTo(0.01);
        assertThat(p.minLatencyChange()).isEqualTo(RegressionPolicy.DEFAULT_MIN_LATENCY_CHANGE).isEqualTo(0.10);
        assertThat(p.minErrorRateIncrease()).isEqualTo(RegressionPolicy.DEFAULT_MIN_ERROR_RATE_INCREASE);
        assertThat(p.minThroughputChange()).isEqualTo(RegressionPolicy.DEFAULT_MIN_THROUGHPUT_CHANGE);
        assertThat(p.minIntervals()).isEqualTo(RegressionPolicy.DEFAULT_MIN_INTERVALS);
        assertThat(p.minSamplesPerInterval()).isEqualTo(RegressionPolicy.DEFAULT_MIN_SAMPLES_PER_INTERVAL);
        assertThat(p.statistic()).isEqualTo(RegressionPolicy.Statistic.P50);
        assertThat(p).isEqualTo(RegressionPolicy.custom().build());
    }

    @Test
    void shouldKeepOtherSettingsWhenCopyIsModified() {
        RegressionPolicy strict = RegressionPolicy.custom().significance(0.05).minLatencyChange(0.05)
                .minErrorRateIncrease(0.005).minThroughputChange(0.2).minIntervals(20).minSamplesPerInterval(10)
                .statistic(RegressionPolicy.Statistic.MEAN).build();

        RegressionPolicy copy = strict.toBuilder().minIntervals(30).build();

        assertThat(copy.minIntervals()).isEqualTo(30);
        assertThat(copy.toBuilder().minIntervals(20).build()).isEqualTo(strict).hasSameHashCodeAs(strict);
        assertThat(copy.significance()).isEqualTo(0.05);
        assertThat(copy.statistic()).isEqualTo(RegressionPolicy.Statistic.MEAN);
        assertThat(strict.toString()).contains("significance 0.05", "statistic MEAN");
    }

    @Test
    void shouldReadEachStatisticFromIntervalWhenAsked() {
        IntervalStats.Interval i = new IntervalStats.Interval(10, 0, 100, 1.5e6, 1_000_000, 2_000_000, 3_000_000,
                4_000_000, 9_000_000);

        assertThat(RegressionPolicy.Statistic.P50.of(i)).isEqualTo(1e6);
        assertThat(RegressionPolicy.Statistic.P90.of(i)).isEqualTo(2e6);
        assertThat(RegressionPolicy.Statistic.P95.of(i)).isEqualTo(3e6);
        assertThat(RegressionPolicy.Statistic.P99.of(i)).isEqualTo(4e6);
        assertThat(RegressionPolicy.Statistic.MEAN.of(i)).isEqualTo(1.5e6);
    }

    @Test
    void shouldNameFieldAndValueWhenSettingIsOutOfRange() {
        RegressionPolicy.Builder b = RegressionPolicy.custom();

        assertThatThrownBy(() -> b.significance(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regressionPolicy: significance must be within (0.0, 0.5], was 0.0");
        assertThatThrownBy(() -> b.significance(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.minLatencyChange(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regressionPolicy: minLatencyChange must be within [0.0, 10.0], was -0.1");
        assertThatThrownBy(() -> b.minErrorRateIncrease(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minErrorRateIncrease");
        assertThatThrownBy(() -> b.minThroughputChange(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minThroughputChange");
        assertThatThrownBy(() -> b.minIntervals(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regressionPolicy: minIntervals must be >= 3, was 2");
        assertThatThrownBy(() -> b.minSamplesPerInterval(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regressionPolicy: minSamplesPerInterval must be > 0, was 0");
        assertThatThrownBy(() -> b.statistic(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("regressionPolicy: statistic must not be null");
    }
}
