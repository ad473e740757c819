package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * A batch keeps its first arrival for its worker and gives each of the others to exactly one
 * claimer: the worker, or the pacer taking it back.
 */
class ArrivalBatchTest {

    private static final VirtualUser USER = new VirtualUser(1, null, null);

    @Test
    void shouldGiveEveryArrivalAfterTheFirstInOrderThenNoneWhenOneThreadClaims() {
        ArrivalBatch batch = ArrivalBatch.create();
        for (long due = 0; due < ArrivalBatch.CAPACITY; due++) {
            batch.add(USER, 100 + due);
        }

        assertThat(batch.isFull()).isTrue();
        assertThat(batch.due(0)).isEqualTo(100);
        for (int i = 1; i < ArrivalBatch.CAPACITY; i++) {
            int claimed = batch.claim();
            assertThat(claimed).isEqualTo(i);
            assertThat(batch.due(claimed)).isEqualTo(100 + i);
        }
        assertThat(batch.claim()).isEqualTo(-1);
        assertThat(batch.claim()).isEqualTo(-1);
    }

    @Test
    void shouldGiveEachLaterArrivalToExactlyOneClaimerWhenTwoThreadsClaimAtOnce() throws InterruptedException {
        int batches = 20_000;
        ArrivalBatch[] all = new ArrivalBatch[batches];
        for (int b = 0; b < batches; b++) {
            all[b] = ArrivalBatch.create();
            for (int i = 0; i < ArrivalBatch.CAPACITY; i++) {
                all[b].add(USER, i);
            }
        }
        AtomicIntegerArray claims = new AtomicIntegerArray(batches * ArrivalBatch.CAPACITY);
        CountDownLatch go = new CountDownLatch(1);
        Runnable claimer = () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int b = 0; b < batches; b++) {
                for (int i; (i = all[b].claim()) >= 0; ) {
                    claims.incrementAndGet(b * ArrivalBatch.CAPACITY + i);
                }
            }
        };
        Thread worker = Thread.ofPlatform().start(claimer);
        Thread pacer = Thread.ofPlatform().start(claimer);
        go.countDown();
        worker.join();
        pacer.join();

        for (int k = 0; k < claims.length(); k++) {
            int expected = k % ArrivalBatch.CAPACITY == 0 ? 0 : 1;
            assertThat(claims.get(k)).as("claims of arrival %d", k).isEqualTo(expected);
        }
    }

    @Test
    void shouldLeaveNothingToClaimWhenMadeOfOne() {
        ArrivalBatch batch = ArrivalBatch.of(USER, 42);

        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.isFull()).isTrue();
        assertThat(batch.user(0)).isSameAs(USER);
        assertThat(batch.due(0)).isEqualTo(42);
        assertThat(batch.claim()).isEqualTo(-1);
    }
}
