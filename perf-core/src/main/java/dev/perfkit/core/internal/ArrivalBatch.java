package dev.perfkit.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-model arrivals handed to one worker at once: each a pooled user and a due time, each
 * already holding a concurrency slot. The first arrival (index 0) is the worker's own; it runs it,
 * then the others one after the other, {@link #claim claiming} each before it starts it; the pacer
 * may claim the ones still waiting and hand them to other workers. A claim succeeds once per
 * arrival, so every arrival runs exactly once, and a worker handed a batch always has an arrival
 * (and its slot) to run: there are never more busy workers than slots.
 *
 * <p>The pacer fills a batch ({@link #add}) before handing it over, and the hand-off publishes it;
 * afterwards only {@link #claim} changes it, from any thread.
 */
final class ArrivalBatch {

    /** The most arrivals in one batch: more due at once go to further batches and workers. */
    static final int CAPACITY = 16;

    private final VirtualUser[] users;
    private final long[] dues;
    private int size;
    /** The next index to claim: index 0 is never claimed, it is the worker's own. */
    private final AtomicInteger claimed = new AtomicInteger(1);

    private ArrivalBatch(int capacity) {
        this.users = new VirtualUser[capacity];
        this.dues = new long[capacity];
    }

    /** Returns an empty batch of {@link #CAPACITY}. */
    static ArrivalBatch create() {
        return new ArrivalBatch(CAPACITY);
    }

    /** Returns a batch of one arrival. */
    static ArrivalBatch of(VirtualUser user, long due) {
        ArrivalBatch b = new ArrivalBatch(1);
        b.add(user, due);
        return b;
    }

    /** Adds an arrival; before the hand-off only. */
    void add(VirtualUser user, long due) {
        users[size] = user;
        dues[size] = due;
        size++;
    }

    boolean isFull() {
        return size == users.length;
    }

    int size() {
        return size;
    }

    /**
     * Claims the next arrival after the first not claimed yet.
     *
     * @return its index, from 1, or -1 when every arrival is claimed
     */
    int claim() {
        if (claimed.get() >= size) {
            return -1;
        }
        int i = claimed.getAndIncrement();
        return i < size ? i : -1;
    }

    VirtualUser user(int index) {
        return users[index];
    }

    long due(int index) {
        return dues[index];
    }
}
