package dev.perfkit.core;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Hands each virtual user or iteration the next test-data record: a user name, an order id, a
 * row of a CSV file.
 *
 * <pre>{@code
 * Feeder<Map<String, String>> users = Feeder.circular(CsvRecords.read(Path.of("users.csv")));
 * Feeder<Long> orderIds = Feeder.generator(k -> 1_000_000 + k).named("order ids");
 * Feeder<String> skus = Feeder.random(List.of("A-1", "B-2", "C-3"), 42);
 * Feeder<String> coupons = Feeder.once(couponCodes);  // each coupon used exactly once
 *
 * Map<String, String> user = users.next();            // from inside a task
 * }</pre>
 *
 * <p>The factories differ in which record the k-th call gets (k counts calls to {@link #next()}
 * from 0, in the order a single atomic counter hands them out):
 * <ul>
 *   <li>{@link #circular(List)}: record {@code k % size}, round robin, forever;</li>
 *   <li>{@link #random(List, long)}: a uniformly random record, with replacement, forever;</li>
 *   <li>{@link #once(List)}: record {@code k}, then {@link FeederExhaustedException};</li>
 *   <li>{@link #generator(LongFunction)}: {@code generator.apply(k)}, forever.</li>
 * </ul>
 *
 * <p><b>Thread-safety and cost.</b> {@link #next()} is called concurrently by many virtual
 * threads. The built-in feeders are lock-free: one {@link AtomicLong#getAndIncrement()} per call
 * and no allocation beyond what the record itself needs. They never block, so they never pin a
 * carrier thread. An implementation of your own must be thread-safe too, and should be as cheap:
 * do I/O when it is built, not in {@code next()}.
 *
 * <p>The built-in feeders copy their list when they are created ({@link List#copyOf}), so
 * changing the list afterwards does not change what they hand out. They are immutable apart from
 * their call counter.
 *
 * @param <T> the record type, for example {@code Map<String, String>} for a CSV row
 */
public interface Feeder<T> {

    /**
     * Returns the next record.
     *
     * <p>Thread-safe; called concurrently by many virtual threads, so it must not block.
     *
     * @return the next record, never null for the built-in feeders
     * @throws FeederExhaustedException if this is a once-only feeder and every record has been
     *         handed out; the engine then discards the iteration that asked and stops the run
     */
    T next();

    /**
     * Returns the name used for this feeder in messages, such as the message of a
     * {@link FeederExhaustedException}.
     *
     * <p>The built-in feeders default to {@code "list[3 records]"} for a list, to the source name
     * for records read by {@link CsvRecords} (for example {@code "users.csv"}) and to
     * {@code "generator"} for a generator; {@link #named(String)} sets another. Thread-safe.
     *
     * @return the name, never null or blank
     */
    String name();

    /**
     * Returns a feeder that hands out the same records as this one, under another name.
     *
     * <p>The returned feeder delegates to this one (they share one sequence of records) and
     * reports exhaustion with the new name. Thread-safe if this feeder is.
     *
     * @param name the name to use in messages, for example {@code "order ids"}
     * @return a feeder with that name
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    default Feeder<T> named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("feeder: name must not be blank");
        }
        Feeder<T> delegate = this;
        return new Feeder<>() {
            @Override
            public T next() {
                try {
                    return delegate.next();
                } catch (FeederExhaustedException e) {
                    throw new FeederExhaustedException(name);
                }
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Feeder<T> named(String other) {
                return delegate.named(other); // rename the original instead of wrapping twice
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * Returns a feeder that hands out the records in order and starts again after the last one.
     *
     * <p>Fair under concurrency: after {@code n * records.size()} calls from any number of
     * threads, every record has been handed out exactly {@code n} times. Use it for a pool of
     * test accounts that users may share. Thread-safe and lock-free.
     *
     * @param records the records, in the order to hand them out; copied
     * @param <T> the record type
     * @return an infinite round-robin feeder named {@code "list[n records]"}, or the CSV source
     * @throws NullPointerException if {@code records} or one of its elements is null
     * @throws IllegalArgumentException if {@code records} is empty
     */
    static <T> Feeder<T> circular(List<? extends T> records) {
        List<? extends T> copy = copyOf(records);
        int size = copy.size();
        return indexed(defaultName(records), k -> copy.get(Math.floorMod(k, size)));
    }

    /**
     * Returns a feeder that picks a record uniformly at random, with replacement.
     *
     * <p>The k-th pick is a fixed function of {@code seed} and {@code k} (the 64-bit values of
     * {@link java.util.SplittableRandom#SplittableRandom(long) new SplittableRandom(seed)}, in
     * order, mapped onto the list by a multiply-shift whose bias is below 2<sup>-32</sup>), so a
     * run with the same seed and the same call order picks the same records. Thread-safe and
     * lock-free: no shared random generator is contended.
     *
     * @param records the records to pick from; copied
     * @param seed any value; the same seed gives the same sequence of picks
     * @param <T> the record type
     * @return an infinite random feeder named {@code "list[n records]"}, or the CSV source
     * @throws NullPointerException if {@code records} or one of its elements is null
     * @throws IllegalArgumentException if {@code records} is empty
     */
    static <T> Feeder<T> random(List<? extends T> records, long seed) {
        List<? extends T> copy = copyOf(records);
        int size = copy.size();
        long gamma = 0x9e3779b97f4a7c15L; // SplittableRandom's GOLDEN_GAMMA
        return indexed(defaultName(records),
                k -> copy.get((int) Math.unsignedMultiplyHigh(mix64(seed + (k + 1) * gamma), size)));
    }

    /**
     * Returns a feeder that hands out each record exactly once, in order, and then throws.
     *
     * <p>Use it for data that a test consumes, such as single-use coupon codes: across all
     * threads, every record is handed out exactly once. When they are used up, every further
     * call throws {@link FeederExhaustedException}, and the engine stops the run gracefully.
     * Thread-safe and lock-free.
     *
     * @param records the records, in the order to hand them out; copied
     * @param <T> the record type
     * @return a finite feeder named {@code "list[n records]"}, or the CSV source
     * @throws NullPointerException if {@code records} or one of its elements is null
     * @throws IllegalArgumentException if {@code records} is empty
     */
    static <T> Feeder<T> once(List<? extends T> records) {
        List<? extends T> copy = copyOf(records);
        int size = copy.size();
        String name = defaultName(records);
        return indexed(name, k -> {
            if (k < size) {
                return copy.get((int) k);
            }
            throw new FeederExhaustedException(name);
        });
    }

    /**
     * Returns a feeder whose k-th call (k from 0) gets {@code generator.apply(k)}.
     *
     * <p>Use it for unique or computed values without a list in memory, such as
     * {@code k -> "user-" + k}. Each k is handed out exactly once, but calls from different
     * threads may finish in any order. The generator is called concurrently, without locks, so it
     * must be thread-safe; a pure function of {@code k} is best.
     *
     * @param generator computes the record for each k; must not return null
     * @param <T> the record type
     * @return an infinite feeder named {@code "generator"}; its {@code next()} throws
     *         {@link NullPointerException} if the generator returns null
     * @throws NullPointerException if {@code generator} is null
     */
    static <T> Feeder<T> generator(LongFunction<? extends T> generator) {
        Objects.requireNonNull(generator, "generator");
        return indexed("generator", k -> {
            T record = generator.apply(k);
            if (record == null) {
                throw new NullPointerException("feeder: generator returned null for k=" + k);
            }
            return record;
        });
    }

    /** The feeder behind every factory: the k-th call gets {@code pick.apply(k)}. */
    private static <T> Feeder<T> indexed(String name, LongFunction<? extends T> pick) {
        AtomicLong calls = new AtomicLong();
        return new Feeder<>() {
            @Override
            public T next() {
                return pick.apply(calls.getAndIncrement());
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static <T> List<T> copyOf(List<? extends T> records) {
        Objects.requireNonNull(records, "records");
        int index = 0;
        for (T record : records) {
            if (record == null) {
                throw new NullPointerException("feeder: records[" + index + "] must not be null");
            }
            index++;
        }
        if (index == 0) {
            throw new IllegalArgumentException("feeder: records must not be empty");
        }
        return List.copyOf(records);
    }

    private static String defaultName(List<?> records) {
        if (records instanceof CsvRecords.Records csv) {
            return csv.source();
        }
        int size = records.size();
        return "list[" + size + (size == 1 ? " record]" : " records]");
    }

    /** The output function of {@link java.util.SplittableRandom} (Stafford's variant 13). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
