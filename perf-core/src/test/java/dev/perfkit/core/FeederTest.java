package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FeederTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 10_000;
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    @Test
    void shouldHandOutRecordsInOrderAndWrapWhenCircular() {
        Feeder<String> feeder = Feeder.circular(List.of("a", "b", "c"));

        assertThat(IntStream.range(0, 7).mapToObj(i -> feeder.next()))
                .containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void shouldHandOutEveryRecordEquallyWhenCircularIsCalledFromManyThreads() throws Exception {
        Feeder<Integer> feeder = Feeder.circular(TEN);
        ConcurrentHashMap<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();

        runInThreads(() -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                counts.computeIfAbsent(feeder.next(), r -> new AtomicInteger()).incrementAndGet();
            }
        });

        int expected = THREADS * CALLS_PER_THREAD / TEN.size();
        assertThat(counts).containsOnlyKeys(TEN);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(expected));
    }

    @Test
    void shouldHandOutEachRecordOnceAndThenThrowWhenOnceIsCalledFromManyThreads() throws Exception {
        List<Integer> records = IntStream.range(0, THREADS * CALLS_PER_THREAD / 2).boxed().toList();
        Feeder<Integer> feeder = Feeder.once(records);
        List<Integer> handedOut = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger exhausted = new AtomicInteger();

        runInThreads(() -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                try {
                    handedOut.add(feeder.next());
                } catch (FeederExhaustedException e) {
                    exhausted.incrementAndGet();
                }
            }
        });

        assertThat(sorted(handedOut)).isEqualTo(records);
        assertThat(exhausted.get()).isEqualTo(THREADS * CALLS_PER_THREAD - records.size());
        assertThatThrownBy(feeder::next)
                .isInstanceOf(FeederExhaustedException.class)
                .hasMessage("feeder 'list[40000 records]' ran out of records")
                .satisfies(e -> assertThat(((FeederExhaustedException) e).feederName())
                        .isEqualTo(feeder.name()));
    }

    @Test
    void shouldHandOutRecordsInOrderWhenOnceIsCalledFromOneThread() {
        Feeder<String> feeder = Feeder.once(List.of("a", "b"));

        assertThat(List.of(feeder.next(), feeder.next())).containsExactly("a", "b");
        assertThatThrownBy(feeder::next).isInstanceOf(FeederExhaustedException.class);
    }

    @Test
    void shouldCaptureNoStackTraceWhenExhausted() {
        Feeder<String> feeder = Feeder.once(List.of("a"));
        feeder.next();

        assertThatThrownBy(feeder::next).satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void shouldReportNewNameWhenRenamedFeederIsExhausted() {
        Feeder<String> feeder = Feeder.once(List.of("a")).named("coupons");

        assertThat(feeder.next()).isEqualTo("a");
        assertThatThrownBy(feeder::next)
                .isInstanceOf(FeederExhaustedException.class)
                .hasMessage("feeder 'coupons' ran out of records");
    }

    @Test
    void shouldShareRecordsAndKeepOneNameWhenRenamedTwice() {
        Feeder<String> original = Feeder.circular(List.of("a", "b", "c"));
        Feeder<String> renamed = original.named("first").named("second");

        assertThat(List.of(original.next(), renamed.next(), original.next())).containsExactly("a", "b", "c");
        assertThat(renamed.name()).isEqualTo("second");
        assertThat(original.name()).isEqualTo("list[3 records]");
    }

    @Test
    void shouldRepeatPicksWhenRandomHasSameSeed() {
        assertThat(picks(Feeder.random(TEN, 42), 1_000)).isEqualTo(picks(Feeder.random(TEN, 42), 1_000));
    }

    @Test
    void shouldDifferWhenRandomHasDifferentSeeds() {
        assertThat(picks(Feeder.random(TEN, 42), 1_000)).isNotEqualTo(picks(Feeder.random(TEN, 43), 1_000));
    }

    @Test
    void shouldPickUniformlyWhenRandomIsCalledManyTimes() {
        int n = 100_000;
        int[] observed = new int[TEN.size()];
        Feeder<Integer> feeder = Feeder.random(TEN, 7);
        for (int i = 0; i < n; i++) {
            observed[feeder.next()]++;
        }

        double expected = (double) n / TEN.size();
        double chiSquare = 0;
        for (int count : observed) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }

        assertThat(chiSquare).as("chi-square, 9 degrees of freedom, 0.001 level").isLessThan(27.88);
    }

    @Test
    void shouldFollowSplittableRandomWhenRandomPicks() {
        SplittableRandom reference = new SplittableRandom(99);
        List<Integer> expected = IntStream.range(0, 1_000)
                .mapToObj(i -> (int) Math.unsignedMultiplyHigh(reference.nextLong(), TEN.size()))
                .toList();

        assertThat(picks(Feeder.random(TEN, 99), 1_000)).isEqualTo(expected);
    }

    @Test
    void shouldPickSameRecordsWhenRandomIsCalledFromManyThreads() throws Exception {
        Feeder<Integer> feeder = Feeder.random(TEN, 5);
        List<Integer> concurrent = Collections.synchronizedList(new ArrayList<>());

        runInThreads(() -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                concurrent.add(feeder.next());
            }
        });

        List<Integer> sequential = picks(Feeder.random(TEN, 5), THREADS * CALLS_PER_THREAD);
        assertThat(sorted(concurrent)).isEqualTo(sorted(sequential));
    }

    @Test
    void shouldPassConsecutiveKWhenGenerator() {
        Feeder<String> feeder = Feeder.generator(k -> "user-" + k);

        assertThat(picks(feeder, 3)).containsExactly("user-0", "user-1", "user-2");
        assertThat(feeder.name()).isEqualTo("generator");
    }

    @Test
    void shouldPassEveryKOnceWhenGeneratorIsCalledFromManyThreads() throws Exception {
        Feeder<Long> feeder = Feeder.generator(k -> k);
        List<Long> handedOut = Collections.synchronizedList(new ArrayList<>());

        runInThreads(() -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                handedOut.add(feeder.next());
            }
        });

        List<Long> everyK = LongStream.range(0, THREADS * CALLS_PER_THREAD).boxed().toList();
        assertThat(sorted(handedOut)).isEqualTo(everyK);
    }

    @Test
    void shouldThrowWhenGeneratorReturnsNull() {
        Feeder<String> feeder = Feeder.generator(k -> null);

        assertThatThrownBy(feeder::next)
                .isInstanceOf(NullPointerException.class)
                .hasMessage("feeder: generator returned null for k=0");
    }

    @Test
    void shouldRejectEmptyListWhenCreatingAnyListFeeder() {
        String message = "feeder: records must not be empty";
        assertThatThrownBy(() -> Feeder.circular(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> Feeder.random(List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> Feeder.once(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void shouldRejectNullWhenArgumentsAreMissing() {
        assertThatThrownBy(() -> Feeder.circular(null))
                .isInstanceOf(NullPointerException.class).hasMessage("records");
        assertThatThrownBy(() -> Feeder.random(null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("records");
        assertThatThrownBy(() -> Feeder.once(null))
                .isInstanceOf(NullPointerException.class).hasMessage("records");
        assertThatThrownBy(() -> Feeder.generator(null))
                .isInstanceOf(NullPointerException.class).hasMessage("generator");
        assertThatThrownBy(() -> Feeder.generator(k -> k).named(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> Feeder.circular(Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("feeder: records[1] must not be null");
    }

    @Test
    void shouldRejectBlankNameWhenRenaming() {
        assertThatThrownBy(() -> Feeder.generator(k -> k).named(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("feeder: name must not be blank");
    }

    @Test
    void shouldKeepRecordsWhenListChangesAfterwards() {
        List<String> records = new ArrayList<>(List.of("a", "b"));
        Feeder<String> feeder = Feeder.circular(records);
        records.set(0, "changed");
        records.add("c");

        assertThat(picks(feeder, 3)).containsExactly("a", "b", "a");
    }

    @Test
    void shouldDescribeListWhenNamedByDefault() {
        assertThat(Feeder.circular(List.of("a", "b", "c")).name()).isEqualTo("list[3 records]");
        assertThat(Feeder.once(List.of("a")).name()).isEqualTo("list[1 record]");
        assertThat(Feeder.random(List.of("a", "b"), 1)).hasToString("list[2 records]");
    }

    private static <T> List<T> picks(Feeder<T> feeder, int count) {
        List<T> picks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picks.add(feeder.next());
        }
        return picks;
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    /** Runs the body in {@link #THREADS} platform threads that start together; rethrows failures. */
    private static void runInThreads(Runnable body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().name("feeder-test-" + t).start(() -> {
                try {
                    start.await();
                    body.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }
}
