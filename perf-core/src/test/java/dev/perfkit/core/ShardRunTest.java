package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Real, short runs of a scenario split in 3, the shards run in-process one after another: their
 * counts add up to the unsplit run's; and the planned start of {@link RunOptions.Builder#startAt}.
 */
class ShardRunTest {

    private static final Task NOTHING = session -> { };

    /** Iterations per sample name, over the given results. */
    private static Map<String, Long> counts(List<RunResult> results) {
        Map<String, Long> counts = new TreeMap<>();
        results.forEach(r -> r.samples().forEach(s -> counts.merge(s.name(), s.count(), Long::sum)));
        return counts;
    }

    private static List<RunResult> runShards(Scenario whole, int n) throws Exception {
        List<RunResult> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(LoadTest.run(whole.shard(Shard.of(i, n))));
        }
        return parts;
    }

    @Test
    void shouldAddUpToTheUnsplitRunWhenClosedScenarioRunsInThreeShards() throws Exception {
        Scenario whole = Scenario.named("closed").seed(7)
                .users(10).rampUp(Duration.ofMillis(200)).iterationsPerUser(20)
                .userType(UserType.named("regular").weight(2).task(1, "browse", NOTHING))
                .userType(UserType.named("admin").weight(1).task(1, "report", NOTHING));

        RunResult single = LoadTest.run(whole);
        List<RunResult> parts = runShards(whole, 3);

        assertThat(single.total().count()).isEqualTo(200);
        // Users 4 + 3 + 3 of 20 iterations each, each user with the type it has on one machine:
        // the same mix of samples.
        assertThat(parts).extracting(r -> r.total().count()).containsExactly(80L, 60L, 60L);
        assertThat(counts(parts)).isEqualTo(counts(List.of(single)));
        assertThat(parts).extracting(RunResult::seed).doesNotHaveDuplicates().doesNotContain(7L);
    }

    @Test
    void shouldAddUpToTheUnsplitRunWhenOpenScenarioRunsInThreeShards() throws Exception {
        Scenario whole = Scenario.named("open")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(200).perSecond(), Duration.ofMillis(500)))
                .task(1, "arrive", NOTHING);

        RunResult single = LoadTest.run(whole);
        List<RunResult> parts = runShards(whole, 3);

        assertThat(single.iterations()).isEqualTo(100);
        assertThat(parts).extracting(RunResult::iterations).containsExactly(34L, 33L, 33L);
        assertThat(parts).extracting(RunResult::dropped).containsOnly(0L);
        assertThat(counts(parts)).isEqualTo(counts(List.of(single)));
    }

    @Test
    void shouldUseEveryRecordOnceWhenSharedLimitAndFeederAreSplit() throws Exception {
        List<Integer> records = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            records.add(r);
        }
        ConcurrentLinkedQueue<Integer> used = new ConcurrentLinkedQueue<>();
        List<RunResult> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Shard shard = Shard.of(i, 3);
            Feeder<Integer> feeder = shard.feeder(Feeder.once(records));
            Scenario whole = Scenario.named("fed").users(3).iterations(30)
                    .task(1, "use", session -> used.add(feeder.next()));
            parts.add(LoadTest.run(whole.shard(shard)));
        }

        assertThat(parts).extracting(RunResult::iterations).containsExactly(10L, 10L, 10L);
        assertThat(used).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void shouldWaitForThePlannedStartAndReportLagWhenStartAtIsSet() throws Exception {
        Scenario scenario = Scenario.named("aligned").users(1).iterationsPerUser(5).task(1, "t", NOTHING);
        Instant planned = Instant.now().plusMillis(200);
        RunOptions onTime = RunOptions.custom().interval(Duration.ofMillis(20)).startAt(planned).build();

        RunResult result = LoadTest.run(scenario, onTime);

        assertThat(result.start()).isAfterOrEqualTo(planned);
        assertThat(result.total().count()).isEqualTo(5);

        Instant past = Instant.now().minusSeconds(30);
        AtomicLong lagMillis = new AtomicLong(-1);
        RunOptions late = RunOptions.custom().interval(Duration.ofMillis(20)).startAt(past)
                .addListener(new RunListener() {
                    @Override
                    public void onInterval(IntervalStats interval) {
                        lagMillis.set(Math.round(interval.gauges().get(RunOptions.START_LAG_GAUGE) * 1000));
                    }
                }).build();
        Scenario held = Scenario.named("late").users(1).hold(Duration.ofMillis(100)).task(1, "t", NOTHING);

        RunResult lateResult = LoadTest.run(held, late);

        // Started at once, at least 30 s after the planned instant, and said so.
        assertThat(lateResult.intervals()).isNotEmpty();
        assertThat(lagMillis.get()).isCloseTo(Duration.between(past, lateResult.start()).toMillis(), org.assertj.core.api.Assertions.within(1L));
        assertThat(lagMillis.get()).isGreaterThanOrEqualTo(30_000);
    }
}
