package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The open model's worker pool on its own: hand-offs, reuse, growth, retirement and closing,
 * driven step by step through latches and explicit times, without a run or a clock. Each hand-off
 * here is a batch of one arrival; {@code OpenModelWorkersTest} runs batches in real runs.
 */
class ArrivalWorkersTest {

    private static final VirtualUser USER = new VirtualUser(1, null, null);
    private static final Duration JOIN = Duration.ofSeconds(10);

    private final Map<Long, Thread> threadOfDue = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> afterReadyGates = new ConcurrentHashMap<>();
    private final List<Long> interruptedAtStart = new CopyOnWriteArrayList<>();
    private final Set<Long> interruptOnExit = ConcurrentHashMap.newKeySet();
    private final Semaphore running = new Semaphore(0);
    private final Semaphore readied = new Semaphore(0);
    private final Semaphore ended = new Semaphore(0);
    private final ArrivalWorkers pool = new ArrivalWorkers("test-arrival", this::arrival);

    /**
     * The arrivals' body: records the thread, waits for the arrival's gate if it has one, says the
     * worker is ready, waits for the arrival's after-ready gate if it has one, then ends.
     */
    private void arrival(ArrivalWorkers.Worker worker, ArrivalBatch batch) {
        long due = batch.due(0);
        if (Thread.currentThread().isInterrupted()) {
            interruptedAtStart.add(due);
        }
        threadOfDue.put(due, Thread.currentThread());
        running.release();
        pass(gates.get(due));
        pool.ready(worker);
        readied.release();
        pass(afterReadyGates.get(due));
        if (interruptOnExit.contains(due)) {
            Thread.currentThread().interrupt();
        }
        ended.release();
    }

    private static void pass(CountDownLatch gate) {
        while (gate != null) {
            try {
                gate.await();
                return;
            } catch (InterruptedException e) {
                // Only the test opens a gate.
            }
        }
    }

    private void hand(long due) {
        pool.hand(ArrivalBatch.of(USER, due));
    }

    private CountDownLatch gate(long due) {
        return gates.computeIfAbsent(due, d -> new CountDownLatch(1));
    }

    @AfterEach
    void closePool() throws InterruptedException {
        gates.values().forEach(CountDownLatch::countDown);
        afterReadyGates.values().forEach(CountDownLatch::countDown);
        pool.close();
        for (Thread t : threadOfDue.values()) {
            assertThat(t.join(JOIN)).as("worker %s ended", t).isTrue();
        }
        assertThat(pool.size()).isZero();
    }

    @Test
    void shouldRunEveryArrivalOnOneWorkerWhenEachEndsBeforeTheNext() throws InterruptedException {
        for (long due = 0; due < 1_000; due++) {
            hand(due);
            ended.acquire();
        }

        assertThat(pool.started()).isEqualTo(1);
        assertThat(Set.copyOf(threadOfDue.values())).hasSize(1);
        assertThat(threadOfDue).hasSize(1_000);
    }

    @Test
    void shouldStartOneWorkerPerBusyArrivalThenReuseThemWhenTheyAreIdle() throws InterruptedException {
        for (long due = 0; due < 50; due++) {
            gate(due);
            hand(due);
        }
        running.acquire(50);
        assertThat(pool.size()).isEqualTo(50);
        assertThat(Set.copyOf(threadOfDue.values())).hasSize(50);

        gates.values().forEach(CountDownLatch::countDown);
        ended.acquire(50);
        for (long due = 50; due < 100; due++) {
            gate(due);
            hand(due);
        }
        running.acquire(50);

        assertThat(pool.started()).isEqualTo(50);
        assertThat(pool.size()).isEqualTo(50);
        assertThat(Set.copyOf(threadOfDue.values())).hasSize(50);
    }

    @Test
    void shouldRetireOnlyWorkersIdleForTheRetirementAgeWhenTimePasses() throws InterruptedException {
        long age = ArrivalWorkers.IDLE_RETIRE_NANOS;
        pool.retireIdle(0);
        gate(0);
        gate(1);
        hand(0);
        hand(1);
        running.acquire(2);
        gate(0).countDown();
        ended.acquire();                      // the worker of arrival 0 is idle since 0
        pool.retireIdle(age * 6 / 10);
        assertThat(pool.size()).isEqualTo(2);
        gate(1).countDown();
        ended.acquire();                      // the worker of arrival 1 is idle since 0.6 age

        pool.retireIdle(age);

        Thread first = threadOfDue.get(0L);
        Thread second = threadOfDue.get(1L);
        assertThat(first.join(JOIN)).as("the worker idle for the whole age ended").isTrue();
        assertThat(second.isAlive()).isTrue();
        assertThat(pool.size()).isEqualTo(1);
        hand(2);
        ended.acquire();
        assertThat(threadOfDue.get(2L)).isSameAs(second);
        assertThat(pool.started()).isEqualTo(2);
    }

    @Test
    void shouldEndIdleWorkersAtOnceAndBusyOnesAfterTheirArrivalWhenClosed() throws InterruptedException {
        gate(0);
        gate(1);
        hand(0);
        hand(1);
        running.acquire(2);                   // both busy: two workers
        gate(0).countDown();
        ended.acquire();                      // arrival 0 ended, its worker is idle

        pool.close();

        assertThat(threadOfDue.get(0L).join(JOIN)).isTrue();
        Thread busy = threadOfDue.get(1L);
        assertThat(busy.isAlive()).isTrue();
        gate(1).countDown();
        assertThat(busy.join(JOIN)).isTrue();
        assertThat(pool.size()).isZero();
    }

    @Test
    void shouldStartArrivalUninterruptedWhenThePreviousOneOnItsWorkerWasInterrupted() throws InterruptedException {
        interruptOnExit.add(0L);
        CountDownLatch holdFirst = afterReadyGates.computeIfAbsent(0L, d -> new CountDownLatch(1));
        hand(0);
        readied.acquire();                    // the worker is offered but still inside arrival 0,
        hand(1);                              // so arrival 1 is handed to it before it parks again
        holdFirst.countDown();                // and arrival 0 leaves the thread interrupted
        ended.acquire(2);
        Thread worker = threadOfDue.get(1L);
        worker.interrupt();                   // an interrupt meant for an arrival that has ended
        hand(2);
        ended.acquire();

        assertThat(threadOfDue.get(0L)).isSameAs(worker);
        assertThat(threadOfDue.get(2L)).isSameAs(worker);
        assertThat(interruptedAtStart).isEmpty();
        assertThat(pool.started()).isEqualTo(1);
    }
}
