package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Pool exhaustion, really produced on H2 and detected from the run's result; the criteria on made-up results. */
class PoolExhaustionTest {

    @Test
    void shouldReportExhaustionWhenTwentyUsersShareTwoConnectionsWithSlowStatement() throws Exception {
        try (JdbcPool pool = JdbcPool.create(Databases.h2(2).minIdle(2).build())) {
            Databases.h2Functions(pool.dataSource());
            SqlQuery slow = SqlQuery.custom("slow", "SELECT SLEEP_MS(50)").build();

            RunResult run = Runs.users(pool, 20, 5, s -> pool.query(slow, s));
            PoolExhaustionFinding finding = pool.checkExhaustion(run);

            assertThat(run.sample("slow").orElseThrow().count()).isEqualTo(100);
            assertThat(run.sample("slow").orElseThrow().failures()).as("a 10 s connection timeout is never reached").isZero();
            assertThat(finding.exhausted()).isTrue();
            assertThat(finding.maxSize()).isEqualTo(2.0);
            assertThat(finding.peakActive()).isEqualTo(2.0);
            assertThat(finding.peakWaiting()).isGreaterThanOrEqualTo(10.0);
            assertThat(finding.waitingShare()).isGreaterThan(0.5);
            assertThat(finding.acquireNanos()).isGreaterThan(PoolExhaustionCheck.DEFAULT_MAX_ACQUIRE_TIME.toNanos());
            assertThat(finding.acquisitions()).isEqualTo(100);
            assertThat(finding.poolTimeouts()).isZero();
            assertThat(finding.evidence()).anySatisfy(e -> assertThat(e).startsWith("virtual users waited for a connection in"));
            assertThat(finding.evidence()).anySatisfy(e -> assertThat(e).startsWith("acquire time p99 "));
            assertThat(finding.recommendation()).startsWith("Pool 'h2' ran out of connections: raise maxSize above 2");
            assertThat(finding.describe()).startsWith("pool_exhaustion [h2]: EXHAUSTED");
            // the check applies perf-core's rule: under the default criteria it answers as Findings does
            assertThat(Findings.defaults().detect(run)).filteredOn(f -> f.kind().equals(Findings.POOL_EXHAUSTION))
                    .containsExactly(finding.toFinding().orElseThrow());
        }
    }

    @Test
    void shouldFindPoolExhaustionAmongRunFindingsWhenTenUsersShareTwoConnections() throws Exception {
        try (JdbcPool pool = JdbcPool.create(Databases.h2(2).minIdle(2).build())) {
            Databases.h2Functions(pool.dataSource());
            SqlQuery slow = SqlQuery.custom("slow", "SELECT SLEEP_MS(50)").build();

            RunResult run = Runs.users(pool, 10, 5, s -> pool.query(slow, s));

            assertThat(Findings.defaults().detect(run)).filteredOn(f -> f.kind().equals(Findings.POOL_EXHAUSTION))
                    .singleElement().satisfies(f -> {
                        assertThat(f.subject()).isEqualTo("h2");
                        assertThat(f.title()).startsWith("Pool 'h2' exhausted: users waited for a connection during ");
                        assertThat(f.evidence()).contains("pool max size 2, up to 2 connections in use at once");
                        assertThat(f.recommendation()).startsWith("Pool 'h2' ran out of connections: raise maxSize above 2");
                    });
        }
    }

    @Test
    void shouldFindNothingAmongRunFindingsWhenPoolHasAConnectionPerUser() throws Exception {
        try (JdbcPool pool = JdbcPool.create(Databases.h2(10).minIdle(10).build())) {
            Databases.h2Functions(pool.dataSource());
            openAll(pool, 10); // HikariCP opens connections in the background: without this, the first users wait for them
            SqlQuery slow = SqlQuery.custom("slow", "SELECT SLEEP_MS(50)").build();

            RunResult run = Runs.users(pool, 10, 5, s -> pool.query(slow, s));

            assertThat(run.sample("slow").orElseThrow().count()).isEqualTo(50);
            assertThat(Findings.defaults().detect(run)).isEmpty();
            assertThat(pool.checkExhaustion(run).toFinding()).isEmpty();
        }
    }

    @Test
    void shouldCountPoolTimeoutsAsEvidenceWhenWaitsOutlastConnectionTimeout() throws Exception {
        try (JdbcPool pool = JdbcPool.create(Databases.h2(1).minIdle(1).connectionTimeout(Duration.ofMillis(250)).build())) {
            Databases.h2Functions(pool.dataSource());
            SqlQuery slow = SqlQuery.custom("hold", "SELECT SLEEP_MS(1000)").build();

            RunResult run = Runs.users(pool, 4, 1, s -> pool.query(slow, s));
            PoolExhaustionFinding finding = pool.checkExhaustion(run);

            // the first user holds the only connection for 1 s: the three others give up after 250 ms
            assertThat(Runs.failures(run.sample("hold").orElseThrow())).containsEntry("pool_timeout", 3L);
            assertThat(finding.poolTimeouts()).isEqualTo(3);
            assertThat(finding.exhausted()).isTrue();
            assertThat(finding.evidence()).contains(
                    "3 statements failed with pool_timeout: no connection came free within the connection timeout");
        }
    }

    @Test
    void shouldFindPoolKeepingUpWhenItHasAConnectionPerUser() throws Exception {
        try (JdbcPool pool = JdbcPool.create(Databases.h2(4).minIdle(4).build())) {
            SqlQuery quick = SqlQuery.custom("quick", "SELECT 1").build();

            RunResult run = Runs.users(pool, 2, 50, s -> pool.query(quick, s));
            // a generous bound: this checks the verdict's logic, not the speed of the machine
            PoolExhaustionFinding finding = PoolExhaustionCheck.custom().maxAcquireTime(Duration.ofSeconds(5))
                    .maxWaitingShare(0.5).build().analyze(run, pool.name());

            assertThat(finding.hasData()).isTrue();
            assertThat(finding.exhausted()).isFalse();
            assertThat(finding.recommendation()).isEqualTo("Pool 'h2' kept up with the load: no change needed.");
        }
    }

    @Test
    void shouldSayThereIsNoDataWhenRunHasNoGaugesOrAcquireTiming() throws Exception {
        RunResult run = Runs.once(s -> { });

        PoolExhaustionFinding finding = PoolExhaustionCheck.defaults().analyze(run, "db");

        assertThat(finding.hasData()).isFalse();
        assertThat(finding.exhausted()).isFalse();
        assertThat(finding.evidence()).containsExactly("the result holds no gauge 'db.waiting' and no timing 'db.acquire'");
        assertThat(finding.describe()).startsWith("pool_exhaustion [db]: no data");
    }

    @Test
    void shouldFlagWaitingShareOnlyAboveTheLimitWhenIntervalsHaveWaiters() {
        // ten 1 s intervals; waiters in one of them is exactly the default limit of 10 %: not above it
        RunResult oneOfTen = result(waiting(0, 0, 3, 0, 0, 0, 0, 0, 0, 0), 1_000_000);
        RunResult twoOfTen = result(waiting(0, 0, 3, 0, 0, 0, 7, 0, 0, 0), 1_000_000);

        PoolExhaustionFinding atLimit = PoolExhaustionCheck.defaults().analyze(oneOfTen, "db");
        PoolExhaustionFinding aboveLimit = PoolExhaustionCheck.defaults().analyze(twoOfTen, "db");

        assertThat(atLimit.waitingShare()).isEqualTo(0.1);
        assertThat(atLimit.exhausted()).isFalse();
        assertThat(aboveLimit.waitingShare()).isEqualTo(0.2);
        assertThat(aboveLimit.peakWaiting()).isEqualTo(7.0);
        assertThat(aboveLimit.exhausted()).isTrue();
        assertThat(aboveLimit.recommendation()).isEqualTo("Pool 'db' ran out of connections: raise maxSize above 4 (up to 11"
                + " users held or waited for one at once), make statements hold a connection for less time, or lower the concurrency.");
    }

    @Test
    void shouldFlagAcquireTimeOnlyAboveTheBoundWhenNobodyWaitedAtIntervalEnds() {
        RunResult fast = result(waiting(0, 0, 0), 40_000_000);
        RunResult slow = result(waiting(0, 0, 0), 60_000_000);

        assertThat(PoolExhaustionCheck.defaults().analyze(fast, "db").exhausted()).isFalse();
        PoolExhaustionFinding finding = PoolExhaustionCheck.defaults().analyze(slow, "db");
        assertThat(finding.exhausted()).isTrue();
        assertThat(finding.acquireNanos()).isBetween(59_900_000L, 60_100_000L);
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e).startsWith("acquire time p99 60.0 ms (limit 50.0 ms)"));
        assertThat(PoolExhaustionCheck.defaults().toBuilder().maxAcquireTime(Duration.ofMillis(100)).build()
                .analyze(slow, "db").exhausted()).isFalse();
    }

    @Test
    void shouldRejectCriteriaOutsideTheirRangeWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> PoolExhaustionCheck.custom().maxWaitingShare(1.5))
                .withMessage("poolExhaustionCheck: maxWaitingShare must be within 0..1, was 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> PoolExhaustionCheck.custom().acquirePercentile(101))
                .withMessage("poolExhaustionCheck: acquirePercentile must be within 0..100, was 101.0");
        assertThatIllegalArgumentException().isThrownBy(() -> PoolExhaustionCheck.custom().maxAcquireTime(Duration.ZERO))
                .withMessage("poolExhaustionCheck: maxAcquireTime must be > 0, was 0ms");
    }

    /** Borrows {@code n} connections at once and gives them back, so that the pool holds them open. */
    private static void openAll(JdbcPool pool, int n) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(pool.dataSource().getConnection());
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    // ------------------------------------------------------------------ made-up results

    private static List<IntervalStats> waiting(int... waiters) {
        List<IntervalStats> intervals = new ArrayList<>();
        IntervalStats.Interval empty = new IntervalStats.Interval(0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (int i = 0; i < waiters.length; i++) {
            intervals.add(new IntervalStats(i, Duration.ofSeconds(i), Duration.ofSeconds(1), 10, 10, 0, empty, Map.of(),
                    Map.of("db.active", 4.0, "db.idle", 0.0, "db.total", 4.0, "db.waiting", (double) waiters[i], "db.max", 4.0)));
        }
        return intervals;
    }

    private static RunResult result(List<IntervalStats> intervals, long acquireNanos) {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            h.recordValue(acquireNanos);
        }
        LatencyStats acquire = LatencyStats.of(h);
        LatencyStats none = LatencyStats.of(new Histogram(3));
        SampleStats acquireStats = new SampleStats("db.acquire", SampleKind.TIMING, 100, 0, 10, acquire, acquire, List.of());
        SampleStats total = new SampleStats(SampleStats.TOTAL, SampleKind.REQUEST, 0, 0, 0, none, none, List.of());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new RunResult("made up", "made up", LoadModel.CLOSED, 1, RunStatus.COMPLETED, "done", start,
                start.plusSeconds(intervals.size()), Duration.ofSeconds(intervals.size()), total, List.of(acquireStats),
                intervals, 0, 0, 10, null);
    }
}
