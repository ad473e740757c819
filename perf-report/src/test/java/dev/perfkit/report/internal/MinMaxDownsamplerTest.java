package dev.perfkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MinMaxDownsamplerTest {

    @Test
    void shouldKeepAtMostTwoPointsPerPixelAndTheSpikesWhenTheSeriesIsLong() {
        int n = 3_600;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 10 + i % 7;
        }
        y[1_234] = 5_000;
        y[2_345] = 0;

        int[] kept = MinMaxDownsampler.keep(x, y, 0, n, 100);

        assertThat(kept.length).isLessThanOrEqualTo(200);
        assertThat(kept).contains(1_234, 2_345).isSorted();
    }

    @Test
    void shouldKeepEveryPointWhenThereAreFewerThanTwoPerPixel() {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, 2, 3, 4};

        assertThat(MinMaxDownsampler.keep(x, y, 0, 3, 2)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void shouldKeepGapsWhenValuesAreMissing() {
        double[] x = new double[1_000];
        double[] y = new double[1_000];
        Arrays.setAll(x, i -> i);
        Arrays.setAll(y, i -> i >= 500 && i < 510 ? Double.NaN : i);

        int[] kept = MinMaxDownsampler.keep(x, y, 0, 1_000, 10);

        assertThat(kept).contains(500, 509, 499, 510).isSorted();
    }

    @Test
    void shouldRejectSeriesOfDifferentLengthsWhenCalled() {
        assertThatThrownBy(() -> MinMaxDownsampler.keep(new double[2], new double[3], 0, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minMaxDownsampler: x and y must have the same length, were 2 and 3");
    }
}
