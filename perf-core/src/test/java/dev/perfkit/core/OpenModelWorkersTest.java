package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The open model runs its arrivals on a pool of virtual threads that stay between arrivals: what a
 * user can observe of it in real runs. Few threads serve many short arrivals, the pool grows to
 * {@code maxConcurrency} and no further when tasks block, every arrival is accounted for when the
 * run stops with a backlog, a batch of instant arrivals does not wait behind one that blocks,
 * nothing an arrival leaves in its thread reaches the next one, the pooled sessions behave as
 * before, and every worker ends with the run.
 */
class OpenModelWorkersTest {

    private static final SessionKey<Long> OWNER = SessionKey.of("owner", Long.class);

    private static void assertAllEnded(Set<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            assertThat(t.join(Duration.ofSeconds(10))).as("worker %s ended with the run", t).isTrue();
        }
    }

    @Test
    void shouldRunTwoThousandArrivalsOnFewThreadsWhenTaskIsNoOp() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Scenario scenario = Scenario.named("reuse")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(1_000).perSecond(), Duration.ofSeconds(2)))
                .maxConcurrency(50)
                .task(1, "noop", session -> threads.add(Thread.currentThread()));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.total().count() + result.dropped()).isEqualTo(2_000);
        assertThat(result.total().count()).isEqualTo(result.iterations());
        // A thread per arrival would give 2,000. A worker is started only when every other one is
        // busy, so at most 50 (maxConcurrency) are alive at once; one idle for 1 s ends and may be
        // replaced later, so a 2 s run can see at most about twice that. Usually one or two serve
        // all the arrivals; more when the machine keeps the carriers from running for a while.
        assertThat(threads).hasSizeLessThanOrEqualTo(2 * 50);
        assertAllEnded(threads);
    }

    @Test
    void shouldGrowToMaxConcurrencyWorkersAndNoMoreWhenTasksBlock() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch blocked = new CountDownLatch(20);
        CountDownLatch gate = new CountDownLatch(1);
        Scenario scenario = Scenario.named("growth")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(500).perSecond(), Duration.ofMillis(500)))
                .maxConcurrency(20)
                .task(1, "blocking", session -> {
                    threads.add(Thread.currentThread());
                    blocked.countDown();
                    gate.await();
                });

        RunHandle handle = LoadTest.start(scenario);
        blocked.await();
        int inFlightWhileBlocked = handle.snapshot().inFlight();
        int threadsWhileBlocked = threads.size();
        gate.countDown();
        RunResult result = handle.await();

        assertThat(inFlightWhileBlocked).isEqualTo(20);
        assertThat(threadsWhileBlocked).isEqualTo(20);
        assertThat(result.peakUsers()).isEqualTo(20);
        assertThat(result.total().count() + result.dropped()).isEqualTo(250);
        assertThat(result.total().failures()).isZero();
        // No worker idles long enough to retire (1 s) in this run: the 20 serve every arrival.
        assertThat(threads).hasSizeLessThanOrEqualTo(20);
        assertAllEnded(threads);
    }

    @Test
    void shouldCountEveryQueuedArrivalAsDroppedWhenRunStopsWithBacklog() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch never = new CountDownLatch(1);
        Scenario scenario = Scenario.named("backlog")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(1_000).perSecond(), Duration.ofMillis(200)))
                .maxConcurrency(10)
                .saturation(Saturation.QUEUE)
                .gracefulStop(Duration.ofMillis(100))
                .task(1, "stuck", session -> {
                    threads.add(Thread.currentThread());
                    never.await();
                });

        RunResult result = LoadTest.run(scenario);

        // 10 arrivals take the slots and block until the grace period ends; the other 190 wait
        // in the backlog, and the end of the profile counts them as dropped.
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.iterations()).isEqualTo(10);
        assertThat(result.total().count()).isEqualTo(10);
        assertThat(result.total().failures()).isEqualTo(10);
        assertThat(result.dropped()).isEqualTo(190);
        assertThat(threads).hasSize(10);
        assertAllEnded(threads);
    }

    @Test
    void shouldStartTheRestOfABatchElsewhereWhenOneOfItsIterationsBlocks() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        long blockNanos = 1_000_000_000L;
        Scenario scenario = Scenario.named("take-back")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(5_000).perSecond(), Duration.ofMillis(500)))
                .task(1, "mostly-instant", session -> {
                    if (calls.incrementAndGet() % 500 == 0) {
                        long end = System.nanoTime() + blockNanos;
                        for (long left = blockNanos; left > 0; left = end - System.nanoTime()) {
                            LockSupport.parkNanos(left);
                        }
                    }
                });

        RunResult result = LoadTest.run(scenario);

        SampleStats stats = result.sample("mostly-instant").orElseThrow();
        assertThat(stats.count()).isEqualTo(2_500);
        // Instant iterations run in batches of the arrivals due at one pacer wake-up (about 5
        // here). Five calls block for 1 s; an arrival batched behind one of them is handed to
        // another worker at the pacer's next wake-up, about 1 ms later, instead of waiting 1 s.
        // So only the five blocking calls take 0.5 s or more from their due time.
        long slow = stats.responseTime().histogram().getCountBetweenValues(blockNanos / 2, Long.MAX_VALUE);
        assertThat(slow).isEqualTo(5);
    }

    @Test
    void shouldStartEveryArrivalUninterruptedWhenEarlierArrivalsLeftTheirThreadInterrupted() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger startedInterrupted = new AtomicInteger();
        Scenario scenario = Scenario.named("interrupt-status")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(200).perSecond(), Duration.ofMillis(500)))
                .task(1, "self-interrupting", session -> {
                    threads.add(Thread.currentThread());
                    if (Thread.currentThread().isInterrupted()) {
                        startedInterrupted.incrementAndGet();
                    }
                    Thread.currentThread().interrupt();
                });

        RunResult result = LoadTest.run(scenario);

        assertThat(result.total().count()).isEqualTo(100);
        assertThat(result.total().failures()).isZero();
        assertThat(threads).as("arrivals shared workers").hasSizeLessThan(100);
        assertThat(startedInterrupted).hasValue(0);
        assertAllEnded(threads);
    }

    @Test
    void shouldKeepEachPooledSessionAndItsIterationNumbersWhenArrivalsShareWorkers() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger starts = new AtomicInteger();
        Map<Long, List<Long>> iterationsByUser = new ConcurrentHashMap<>();
        Scenario scenario = Scenario.named("sessions")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(1_000).perSecond(), Duration.ofMillis(500)))
                .userType(UserType.named("visitor")
                        .onStart(session -> {
                            starts.incrementAndGet();
                            session.set(OWNER, session.userId());
                        })
                        .task(1, "visit", session -> {
                            threads.add(Thread.currentThread());
                            if (session.get(OWNER) != session.userId()) {
                                throw new TaskFailure("session", "user " + session.userId()
                                        + " sees the session of user " + session.get(OWNER));
                            }
                            iterationsByUser.computeIfAbsent(session.userId(), id -> new CopyOnWriteArrayList<>())
                                    .add(session.iteration());
                        }));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.sample("visit").orElseThrow().count()).isEqualTo(500);
        assertThat(result.sample("visit").orElseThrow().failures()).isZero();
        assertThat(starts).hasValue(iterationsByUser.size());
        // One pooled user runs one arrival at a time, counting its iterations 1, 2, 3, ...
        iterationsByUser.forEach((user, iterations) -> assertThat(iterations).as("user %d", user)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, iterations.size()).boxed().toList()));
        assertAllEnded(threads);
    }
}
