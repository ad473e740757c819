package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intervals driven by explicit times: no clock, no sleeping. */
/** Values are compared within 1 %: the recorders keep 2 significant digits. */
class IntervalCollectorTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void shouldSplitSamplesIntoIntervalsThatAddUpToTotalsWhenCollectedAtGivenTimes() {
        Metrics metrics = new Metrics(4);
        SampleMetric a = metrics.metric("a", SampleKind.TASK);
        SampleMetric b = metrics.metric("b", SampleKind.TASK);
        long start = 10 * S;
        IntervalCollector collector = new IntervalCollector(metrics, start);

        for (int i = 1; i <= 100; i++) {
            a.recordSuccess(0, 0, i * MS);
        }
        b.recordFailure("timeout", "slow");
        IntervalStats first = collector.collect(start + S, 7, 3, 5, Map.of());

        for (int i = 0; i < 50; i++) {
            a.recordSuccess(0, 0, 200 * MS);
        }
        IntervalStats second = collector.collect(start + 2 * S + 500 * MS, 7, 0, 5, Map.of());

        assertThat(first.index()).isZero();
        assertThat(first.length().toMillis()).isEqualTo(1_000);
        assertThat(first.samples().get("a").count()).isEqualTo(100);
        assertThat(first.samples().get("a").throughput()).isEqualTo(100.0);
        assertThat(first.samples().get("a").p50Nanos()).isBetween(50 * MS - 500_000, 50 * MS + 500_000);
        assertThat(first.samples().get("b").failures()).isEqualTo(1);
        assertThat(first.total().count()).isEqualTo(101);
        assertThat(first.activeUsers()).isEqualTo(7);
        assertThat(first.dropped()).isEqualTo(5);

        assertThat(second.start().toMillis()).isEqualTo(1_000);
        assertThat(second.length().toMillis()).isEqualTo(1_500);
        assertThat(second.samples()).containsOnlyKeys("a");
        assertThat(second.total().throughput()).isEqualTo(50 / 1.5);
        assertThat(second.dropped()).isZero();

        List<SampleStats> stats = collector.sampleStats(2.5);
        assertThat(stats).extracting(SampleStats::name).containsExactly("a", "b");
        assertThat(stats.get(0).count()).isEqualTo(150);
        assertThat(stats.get(0).responseTime().maxNanos()).isBetween(200 * MS - 2 * MS, 200 * MS + 2 * MS);
        SampleStats total = collector.totalStats(2.5);
        assertThat(total.count()).isEqualTo(151).isEqualTo(first.total().count() + second.total().count());
        assertThat(total.throughput()).isEqualTo(151 / 2.5);
        assertThat(total.failureSummaries()).hasSize(1);
    }

    @Test
    void shouldCountRequestsNotTasksInTotalWhenAdaptersRecordRequests() {
        Metrics metrics = new Metrics(2);
        SampleMetric task = metrics.metric("checkout", SampleKind.TASK);
        SampleMetric get = metrics.metric("GET /cart", SampleKind.REQUEST);
        SampleMetric post = metrics.metric("POST /order", SampleKind.REQUEST);
        SampleMetric hook = metrics.metric("u:onStart", SampleKind.HOOK);
        SampleMetric connect = metrics.metric("GET /cart connect", SampleKind.TIMING);
        IntervalCollector collector = new IntervalCollector(metrics, 0);
        for (int i = 0; i < 10; i++) {
            task.recordSuccess(0, 0, 30 * MS);
            get.recordSuccess(0, 0, 10 * MS);
            post.recordSuccess(0, 0, 20 * MS);
        }
        hook.recordSuccess(0, 0, 5 * MS);
        connect.recordSuccess(0, 0, 1 * MS);
        IntervalStats interval = collector.collect(S, 1, 0, 0, Map.of());

        assertThat(interval.total().count()).isEqualTo(20);
        SampleStats total = collector.totalStats(1.0);
        assertThat(total.kind()).isEqualTo(SampleKind.REQUEST);
        assertThat(total.count()).isEqualTo(20);
    }

    @Test
    void shouldReportServiceTimeFromActualStartAndResponseTimeFromIntendedStart() {
        Metrics metrics = new Metrics(2);
        SampleMetric m = metrics.metric("late", SampleKind.TASK);
        IntervalCollector collector = new IntervalCollector(metrics, 0);
        m.recordSuccess(0, 90 * MS, 100 * MS);

        collector.collect(S, 1, 0, 0, Map.of());
        SampleStats stats = collector.sampleStats(1.0).get(0);

        assertThat(stats.responseTime().maxNanos()).isBetween(99 * MS, 101 * MS);
        assertThat(stats.serviceTime().maxNanos()).isBetween(9_900_000L, 10_100_000L);
    }
}
