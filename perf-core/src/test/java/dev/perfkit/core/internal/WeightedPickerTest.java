package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weighted random picks (checked with a chi-square test on a fixed seed) and the deterministic,
 * exactly proportional round robin.
 */
class WeightedPickerTest {

    private static final int DRAWS = 100_000;

    private record Item(String name, int weight) {
    }

    private static WeightedPicker<Item> picker(int... weights) {
        List<Item> items = IntStream.range(0, weights.length).mapToObj(i -> new Item("item" + i, weights[i])).toList();
        return new WeightedPicker<>(items, Item::weight);
    }

    @Test
    void shouldPickInProportionToWeightsWhenDrawingManyTimes() {
        int[] weights = {5, 2, 1};
        WeightedPicker<Item> picker = picker(weights);
        SplittableRandom random = new SplittableRandom(1_234_567L);

        long[] observed = new long[weights.length];
        for (int i = 0; i < DRAWS; i++) {
            observed[picker.pickIndex(random)]++;
        }

        double chiSquare = 0;
        for (int i = 0; i < weights.length; i++) {
            double expected = (double) DRAWS * weights[i] / picker.totalWeight();
            chiSquare += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        // Chi-square with 2 degrees of freedom, upper 0.001 critical value from the table: 13.816.
        assertThat(chiSquare).isLessThan(13.816);
        assertThat(picker.totalWeight()).isEqualTo(8);
    }

    @Test
    void shouldRepeatSequenceWhenSeedIsTheSameAndDifferWhenSeedDiffers() {
        WeightedPicker<Item> picker = picker(5, 2, 1);

        int[] first = draws(picker, 42);
        int[] again = draws(picker, 42);
        int[] other = draws(picker, 43);

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldReturnTheItemAtPickedIndexWhenPick() {
        WeightedPicker<Item> picker = picker(5, 2, 1);

        for (int seed = 0; seed < 100; seed++) {
            int index = picker.pickIndex(new SplittableRandom(seed));
            assertThat(picker.pick(new SplittableRandom(seed))).isEqualTo(new Item("item" + index, List.of(5, 2, 1).get(index)));
        }
    }

    @Test
    void shouldAlwaysPickTheOnlyItemWhenThereIsOne() {
        WeightedPicker<Item> picker = picker(3);
        SplittableRandom random = new SplittableRandom(7);

        assertThat(IntStream.range(0, 100).map(i -> picker.pickIndex(random))).containsOnly(0);
        assertThat(picker.roundRobin(12)).isEqualTo(new Item("item0", 3));
    }

    @Test
    void shouldGiveSevenAndOneInEveryWindowOfEightWhenRoundRobinWithWeightsSevenAndOne() {
        WeightedPicker<Item> picker = picker(7, 1);
        int n = 1_000;
        String[] drawn = new String[n];
        for (int k = 0; k < n; k++) {
            drawn[k] = picker.roundRobin(k).name();
        }

        for (int start = 0; start + 8 <= n; start++) {
            long light = IntStream.range(start, start + 8).filter(k -> drawn[k].equals("item1")).count();
            assertThat(light).as("light items in draws %d..%d", start, start + 7).isEqualTo(1);
        }
        int lastLight = -8;
        for (int k = 0; k < n; k++) {
            if (drawn[k].equals("item1")) {
                assertThat(k - lastLight).as("distance between light items ending at draw %d", k).isGreaterThanOrEqualTo(8);
                lastLight = k;
            }
        }
    }

    @Test
    void shouldBeExactlyProportionalInEveryPeriodWhenRoundRobinWithThreeWeights() {
        WeightedPicker<Item> picker = picker(5, 2, 1);

        for (long period = 0; period < 50; period++) {
            long[] counts = new long[3];
            for (long k = period * 8; k < period * 8 + 8; k++) {
                counts[Integer.parseInt(picker.roundRobin(k).name().substring(4))]++;
            }
            assertThat(counts).containsExactly(5, 2, 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0,0", "1,-1", "-3"})
    void shouldRejectWhenAWeightIsNotPositive(String weights) {
        int[] w = Arrays.stream(weights.split(",")).mapToInt(Integer::parseInt).toArray();
        int bad = 0;
        while (w[bad] > 0) {
            bad++;
        }

        assertThatIllegalArgumentException().isThrownBy(() -> picker(w))
                .withMessage("weights: weight of item " + bad + " must be > 0, was " + w[bad]);
    }

    @Test
    void shouldRejectWhenThereIsNoItem() {
        assertThatIllegalArgumentException().isThrownBy(() -> picker())
                .withMessage("weights: total weight must be > 0, was 0");
    }

    private static int[] draws(WeightedPicker<Item> picker, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, 1_000).map(i -> picker.pickIndex(random)).toArray();
    }
}
