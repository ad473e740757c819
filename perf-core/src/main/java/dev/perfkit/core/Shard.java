package dev.perfkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One part of a scenario split over several processes or machines: shard {@code index} of
 * {@code count}, with a <b>0-based</b> index, like Kubernetes' {@code JOB_COMPLETION_INDEX} in an
 * Indexed Job. {@code Shard.of(0, 1)} ({@link #WHOLE}) is the whole, unsplit scenario.
 *
 * <pre>{@code
 * Shard shard = Shard.parse(System.getenv("JOB_COMPLETION_INDEX") + "/4");   // "2/4": third of four
 * RunResult part = LoadTest.run(shop.shard(shard));
 * }</pre>
 *
 * <h2>What a shard gets</h2>
 * Everything the engine counts from 1 (the k-th user started, the k-th arrival scheduled, the
 * k-th iteration of a shared limit, the k-th feeder record) goes to shard {@code (k-1) mod count},
 * in the manner of k6's execution segments. So the shards' parts add up to the whole exactly, at
 * every moment, with no rounding drift: 10 users over 3 shards are 4 + 3 + 3, and a ramp starts
 * the users in the same order as on one machine. See {@link Scenario#shard(Shard)}.
 *
 * <p>Values are immutable and thread-safe.
 *
 * @param index the shard's index, {@code 0 <= index < count}
 * @param count the number of shards, {@code >= 1}
 */
public record Shard(int index, int count) {

    /** The whole scenario: shard 0 of 1. */
    public static final Shard WHOLE = new Shard(0, 1);

    /**
     * Checks the index and the count.
     *
     * @throws IllegalArgumentException if {@code count < 1} or the index is outside {@code [0, count)}
     */
    public Shard {
        Checks.positive("shard", "count", count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard: index must be >= 0 and < count " + count + " (0-based), was " + index);
        }
    }

    /**
     * Returns shard {@code index} of {@code count}.
     *
     * @param index the 0-based index, {@code 0 <= index < count}
     * @param count the number of shards, {@code >= 1}
     * @return the shard
     * @throws IllegalArgumentException if the index or the count is out of range
     */
    public static Shard of(int index, int count) {
        return new Shard(index, count);
    }

    /**
     * Parses {@code "index/count"} with a 0-based index, for example {@code "2/4"} (the last of
     * four is {@code "3/4"}); spaces around the numbers are ignored.
     *
     * @param text the text, such as the value of {@code --shard}
     * @return the shard
     * @throws IllegalArgumentException if the text is not two integers separated by {@code /}, or out of range
     */
    public static Shard parse(String text) {
        Checks.notNull("shard", "text", text);
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("shard: expected index/count with a 0-based index such as 0/4, was \"" + text + "\"");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard: expected index/count with a 0-based index such as 0/4, was \"" + text + "\"", e);
        }
    }

    /**
     * Returns whether the k-th thing of the whole run (counted from 1) belongs to this shard.
     *
     * @param k the 1-based number in the whole run, {@code >= 1}
     * @return true if {@code (k-1) mod count == index}
     */
    public boolean owns(long k) {
        return (k - 1) % count == index;
    }

    /**
     * Returns how many of the first {@code total} things of the whole run belong to this shard:
     * {@code ceil((total - index) / count)}, and 0 if {@code total <= index}. Summed over all the
     * shards it gives {@code total} exactly.
     *
     * @param total things in the whole run, {@code >= 0}
     * @return this shard's share, {@code >= 0}
     */
    public long shareOf(long total) {
        return total <= index ? 0 : (total - index + count - 1) / count;
    }

    /**
     * Returns the number in the whole run (1-based) of this shard's {@code local}-th thing.
     *
     * @param local the 1-based number within this shard, {@code >= 1}
     * @return {@code (local - 1) * count + index + 1}
     */
    public long wholeNumber(long local) {
        return (local - 1) * count + index + 1;
    }

    /**
     * Derives this shard's seed from the run's seed: the SplitMix64 finaliser of
     * {@code seed + (index + 1) * 0x9E3779B97F4A7C15L}. {@link #WHOLE} keeps the seed unchanged;
     * distinct shards of one run get distinct seeds (the finaliser is a bijection).
     *
     * @param seed the seed of the whole run
     * @return this shard's seed
     */
    public long seed(long seed) {
        if (count == 1) {
            return seed;
        }
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns a feeder that hands this shard records {@code index, index + count, ...} of
     * {@code feeder}'s sequence: the shards' feeders, built on the same sequence in every process,
     * never hand out the same record twice, and together hand out every record. The returned
     * feeder skips the other shards' records by calling {@code feeder.next()} and discarding them,
     * under a {@link ReentrantLock} per call (so a skipped record is never handed to another thread, and a
     * virtual thread waiting for it does not pin its carrier); it reports
     * exhaustion of a once-only feeder as {@code feeder} does.
     *
     * @param feeder the whole run's feeder
     * @param <T>    the record type
     * @return this shard's part of the records; {@code feeder} itself for {@link #WHOLE}
     */
    public <T> Feeder<T> feeder(Feeder<T> feeder) {
        Checks.notNull("shard", "feeder", feeder);
        return count == 1 ? feeder : new ShardFeeder<>(feeder, this);
    }

    /**
     * Returns the first instant at or after {@code now} that is a whole multiple of {@code period}
     * since the epoch, so that processes started at slightly different moments agree on one start
     * (for {@link RunOptions.Builder#startAt(Instant)}). With a 1-minute period, a process started
     * at 12:00:41 and another at 12:00:58 both start at 12:01:00.
     *
     * @param period the period, {@code > 0}
     * @param now    the current instant
     * @return the next whole multiple of {@code period}, {@code now} itself if it is one
     * @throws IllegalArgumentException if {@code period} is not positive
     * @throws ArithmeticException if the instant is outside the years 1677 to 2262 (nanoseconds
     *         since the epoch must fit a {@code long})
     */
    public static Instant nextMultipleOf(Duration period, Instant now) {
        Checks.positive("shard.nextMultipleOf", "period", period);
        Checks.notNull("shard.nextMultipleOf", "now", now);
        long p = period.toNanos();
        long t = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        long next = Math.floorMod(t, p) == 0 ? t : Math.addExact(Math.floorDiv(t, p) * p, p);
        return Instant.ofEpochSecond(Math.floorDiv(next, 1_000_000_000L), Math.floorMod(next, 1_000_000_000L));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** This shard's records of a feeder's sequence. */
    private static final class ShardFeeder<T> implements Feeder<T> {
        private final Feeder<T> source;
        private final Shard shard;
        private final ReentrantLock lock = new ReentrantLock();
        private final AtomicLong handed = new AtomicLong();

        ShardFeeder(Feeder<T> source, Shard shard) {
            this.source = source;
            this.shard = shard;
        }

        @Override
        public T next() {
            lock.lock();
            try {
                return nextLocked();
            } finally {
                lock.unlock();
            }
        }

        private T nextLocked() {
            // Before this shard's first record, skip the lower shards' records; between two of
            // ours, skip the other count-1.
            long skip = handed.getAndIncrement() == 0 ? shard.index : shard.count - 1;
            for (long i = 0; i < skip; i++) {
                source.next();
            }
            return source.next();
        }

        @Override
        public String name() {
            return source.name() + " shard " + shard;
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
