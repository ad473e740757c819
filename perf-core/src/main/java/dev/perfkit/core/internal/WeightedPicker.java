package dev.perfkit.core.internal;

import java.util.List;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * Picks one of several items with probability proportional to its weight: one random int and a
 * short scan over cumulative weights, no allocation.
 *
 * @param <T> the item type
 */
public final class WeightedPicker<T> {

    private final Object[] items;
    private final long[] cumulative;
    private final long total;

    /**
     * Creates a picker.
     *
     * @param items  the items, at least one
     * @param weight each item's weight, {@code > 0}
     */
    public WeightedPicker(List<T> items, ToIntFunction<T> weight) {
        this.items = items.toArray();
        this.cumulative = new long[items.size()];
        long sum = 0;
        for (int i = 0; i < items.size(); i++) {
            int w = weight.applyAsInt(items.get(i));
            if (w <= 0) {
                throw new IllegalArgumentException("weights: weight of item " + i + " must be > 0, was " + w);
            }
            sum += w;
            cumulative[i] = sum;
        }
        this.total = sum;
        if (items.isEmpty() || total <= 0) {
            throw new IllegalArgumentException("weights: total weight must be > 0, was " + total);
        }
    }

    /**
     * Picks an item's index; allocates nothing.
     *
     * @param random the random source
     * @return the index of the picked item
     */
    public int pickIndex(RandomGenerator random) {
        if (items.length == 1) {
            return 0;
        }
        long r = random.nextLong(total);
        int i = 0;
        while (cumulative[i] <= r) {
            i++;
        }
        return i;
    }

    /** Returns the sum of the weights. */
    public long totalWeight() {
        return total;
    }

    /**
     * Picks an item.
     *
     * @param random the random source
     * @return the item
     */
    @SuppressWarnings("unchecked")
    public T pick(RandomGenerator random) {
        return (T) items[pickIndex(random)];
    }

    /**
     * Returns the item for the {@code k}-th draw (from 0) of a deterministic, exactly proportional
     * sequence (smooth weighted round robin): with weights 7 and 1, every run of 8 draws holds 7 of
     * the first and 1 of the second, well interleaved.
     *
     * @param k the draw's number, {@code >= 0}
     * @return the item
     */
    @SuppressWarnings("unchecked")
    public T roundRobin(long k) {
        if (items.length == 1) {
            return (T) items[0];
        }
        // Smooth weighted round robin is periodic with period `total`; replay position k % total.
        long position = k % total;
        long[] current = new long[items.length];
        int chosen = 0;
        for (long step = 0; step <= position; step++) {
            chosen = 0;
            for (int i = 0; i < items.length; i++) {
                current[i] += weightOf(i);
                if (current[i] > current[chosen]) {
                    chosen = i;
                }
            }
            current[chosen] -= total;
        }
        return (T) items[chosen];
    }

    private long weightOf(int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }
}
